package dev.herald;

import static dev.herald.ChannelAuthorizerTest.ALICE;
import static dev.herald.ChannelAuthorizerTest.KEY;
import static dev.herald.ChannelAuthorizerTest.SECRET;
import static dev.herald.ChannelAuthorizerTest.SOCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.ChannelAuthorizerTest.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChannelAuthorizerMiddlewareTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** A logging middleware: one line per decision, as an app would write to its logger. */
  private ChannelAuthorizer.Middleware<User> logging(String name) {
    return (request, next) -> {
      log.add(name + " asks " + request.kind() + " " + request.channel() + " " + request.params());
      AuthorizationDecision decision = next.proceed();
      log.add(name + " saw " + (decision.allowed() ? "allowed" : "denied: " + decision.reason()));
      return decision;
    };
  }

  /** A deny-list middleware: banned users and blocked channels never reach the rules. */
  private static ChannelAuthorizer.Middleware<User> denyList(
      Set<String> bannedUsers, Set<String> blockedChannels) {
    return (request, next) -> {
      if (request.user() != null && bannedUsers.contains(request.user().id())) {
        return AuthorizationDecision.deny("user is banned");
      }
      if (request.channel() != null && blockedChannels.contains(request.channel())) {
        return AuthorizationDecision.deny("channel is blocked");
      }
      return next.proceed();
    };
  }

  @Test
  void runsMiddlewareInRegistrationOrderAroundTheRule() {
    ChannelAuthorizer<User> authorizer =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .middleware(logging("outer"))
            .middleware(logging("inner"))
            .channel(
                "orders.{orderId}",
                (user, params) -> {
                  log.add("rule");
                  return true;
                })
            .build();

    authorizer.authorize(ALICE, SOCKET, "private-orders.42");

    assertThat(log)
        .containsExactly(
            "outer asks PRIVATE private-orders.42 {orderId=42}",
            "inner asks PRIVATE private-orders.42 {orderId=42}",
            "rule",
            "inner saw allowed",
            "outer saw allowed");
  }

  @Test
  void seesDenialsOfChannelsNoRuleMatches() {
    ChannelAuthorizer<User> authorizer =
        ChannelAuthorizer.<User>builder(KEY, SECRET).middleware(logging("log")).build();

    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "presence-unknown"))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(log)
        .containsExactly(
            "log asks PRESENCE presence-unknown {}",
            "log saw denied: no rule matches this channel");
  }

  @Test
  void aDenyListShortCircuitsBeforeTheRules() {
    List<String> ruleCalls = new CopyOnWriteArrayList<>();
    ChannelAuthorizer<User> authorizer =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .middleware(denyList(Set.of("666"), Set.of("private-orders.13")))
            .channel("orders.{orderId}", (user, params) -> ruleCalls.add(params.get("orderId")))
            .build();

    User mallory = new User("666", "Mallory", Set.of());
    assertThatThrownBy(() -> authorizer.authorize(mallory, SOCKET, "private-orders.1"))
        .isInstanceOf(AuthorizationDeniedException.class)
        .hasMessageContaining("user is banned");
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "private-orders.13"))
        .hasMessageContaining("channel is blocked");
    authorizer.authorize(ALICE, SOCKET, "private-orders.1");
    assertThat(ruleCalls).containsExactly("1");
  }

  @Test
  void middlewareCanOverruleTheRuleButPresenceStillNeedsAMember() {
    ChannelAuthorizer<User> overruling =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .middleware((request, next) -> AuthorizationDecision.allow())
            .channel("x", (user, params) -> false)
            .presence("room", (user, params) -> Optional.empty())
            .build();

    assertThat(overruling.authorize(ALICE, SOCKET, "private-x").auth()).startsWith(KEY + ":");
    assertThatThrownBy(() -> overruling.authorize(ALICE, SOCKET, "presence-room"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PresenceMember");
  }

  @Test
  void aMiddlewareThatReturnsNothingIsAnError() {
    ChannelAuthorizer<User> broken =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .middleware((request, next) -> null)
            .channel("x", (user, params) -> true)
            .build();

    assertThatThrownBy(() -> broken.authorize(ALICE, SOCKET, "private-x"))
        .isInstanceOf(IllegalStateException.class);
  }
}
