package dev.herald;

import static dev.herald.ChannelAuthorizerTest.ALICE;
import static dev.herald.ChannelAuthorizerTest.KEY;
import static dev.herald.ChannelAuthorizerTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.ChannelAuthorizerTest.User;
import dev.herald.pusher.Signatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelAuthorizerCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger ruleCalls = new AtomicInteger();
  private final AtomicInteger middlewareCalls = new AtomicInteger();

  private ChannelAuthorizer<User> cached(int maxEntries) {
    return ChannelAuthorizer.<User>builder(KEY, SECRET)
        .middleware(
            (request, next) -> {
              middlewareCalls.incrementAndGet();
              return next.proceed();
            })
        .channel(
            "orders.{orderId}",
            (user, params) -> {
              ruleCalls.incrementAndGet();
              return user.orders().contains(params.get("orderId"));
            })
        .presence(
            "chat.{roomId}",
            (user, params) -> {
              ruleCalls.incrementAndGet();
              return Optional.of(new PresenceMember(user.id(), user.name()));
            })
        .cacheDecisions(Duration.ofMinutes(5), maxEntries, User::id)
        .clock(clock)
        .build();
  }

  @Test
  void reusesADecisionWithinTheTtlButSignsEachSocketAfresh() {
    ChannelAuthorizer<User> authorizer = cached(100);

    AuthResponse first = authorizer.authorize(ALICE, "1.1", "private-orders.42");
    clock.advance(Duration.ofMinutes(4));
    AuthResponse second = authorizer.authorize(ALICE, "2.2", "private-orders.42");

    assertThat(ruleCalls).hasValue(1);
    assertThat(middlewareCalls).as("middleware runs on every request").hasValue(2);
    assertThat(second.auth()).isNotEqualTo(first.auth());
  }

  @Test
  void asksTheRuleAgainOnceTheTtlHasPassed() {
    ChannelAuthorizer<User> authorizer = cached(100);

    authorizer.authorize(ALICE, "1.1", "private-orders.42");
    clock.advance(Duration.ofMinutes(5));
    authorizer.authorize(ALICE, "1.1", "private-orders.42");

    assertThat(ruleCalls).hasValue(2);
  }

  @Test
  void cachesDenialsAndPresenceMembersPerUserAndChannel() {
    ChannelAuthorizer<User> authorizer = cached(100);
    User bob = new User("2", "Bob", Set.of());

    for (int i = 0; i < 2; i++) {
      authorizer.authorize(ALICE, "1.1", "presence-chat.1");
      authorizer.authorize(bob, "1.1", "presence-chat.1");
      try {
        authorizer.authorize(bob, "1.1", "private-orders.42");
      } catch (AuthorizationDeniedException expected) {
        // denied both times; the second from the cache
      }
    }

    assertThat(ruleCalls).hasValue(3);
    assertThat(authorizer.authorize(bob, "1.1", "presence-chat.1").channelData())
        .isEqualTo("{\"user_id\":\"2\",\"user_info\":\"Bob\"}");
  }

  @Test
  void holdsAtMostTheConfiguredNumberOfDecisions() {
    ChannelAuthorizer<User> authorizer = cached(2);

    authorizer.authorize(ALICE, "1.1", "presence-chat.1");
    authorizer.authorize(ALICE, "1.1", "presence-chat.2");
    authorizer.authorize(ALICE, "1.1", "presence-chat.3");
    authorizer.authorize(ALICE, "1.1", "presence-chat.3");
    assertThat(ruleCalls).hasValue(3);

    authorizer.authorize(ALICE, "1.1", "presence-chat.1");
    assertThat(ruleCalls).as("the oldest entry was evicted").hasValue(4);
  }

  @Test
  void doesNotCacheUsersWithoutAKey() {
    ChannelAuthorizer<User> authorizer =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .channel(
                "lobby",
                (user, params) -> {
                  ruleCalls.incrementAndGet();
                  return true;
                })
            .cacheDecisions(Duration.ofMinutes(5), user -> null)
            .clock(clock)
            .build();

    authorizer.authorize(ALICE, "1.1", "private-lobby");
    authorizer.authorize(ALICE, "1.1", "private-lobby");
    authorizer.authorize(null, "1.1", "private-lobby");

    assertThat(ruleCalls).hasValue(3);
  }

  @Test
  void isSafeToShareAcrossThreads() throws Exception {
    ChannelAuthorizer<User> authorizer = cached(16);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String socketId = i + "." + i;
        String channel = "presence-chat." + (i % 40);
        results.add(
            threads.submit(
                () -> {
                  AuthResponse response = authorizer.authorize(ALICE, socketId, channel);
                  return Signatures.verifyAuth(
                      KEY,
                      SECRET,
                      Signatures.channelSigningString(socketId, channel, response.channelData()),
                      response.auth());
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
