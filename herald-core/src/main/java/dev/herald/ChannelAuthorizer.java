package dev.herald;

import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.Signatures;
import dev.herald.pusher.SocketId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides who may join {@code private-}, {@code private-encrypted-} and {@code presence-} channels
 * and signs the answer, framework-agnostic: call it from whatever serves the app's authorization
 * endpoint (pusher-js's {@code channelAuthorization.endpoint}, Laravel Echo's {@code
 * /broadcasting/auth}) and write {@link AuthResponse#toJson()} back.
 *
 * <pre>{@code
 * ChannelAuthorizer<User> authorizer =
 *     ChannelAuthorizer.<User>builder(appKey, appSecret)
 *         .channel("orders.{orderId}", (user, params) -> user.owns(params.get("orderId")))
 *         .presence("chat.{roomId}", (user, params) -> Optional.of(PresenceMember.of(user.id())))
 *         .build();
 * }</pre>
 *
 * <p>Rules are matched on the channel name without its type prefix, first registered match first: a
 * {@link ChannelAuthorizerBuilder#channel channel} rule answers {@code private-…} and {@code
 * private-encrypted-…}, a {@link ChannelAuthorizerBuilder#presence presence} rule answers {@code
 * presence-…}. No matching rule means denied. {@link Middleware} runs around every decision, in
 * registration order, outside the optional decision cache.
 *
 * <p>Failures: a missing or malformed socket id, a missing channel name or a public channel is the
 * caller's error, {@link IllegalArgumentException} (answer 400); a name that is not a valid channel
 * name, no matching rule, or a rule or middleware saying no is {@link AuthorizationDeniedException}
 * (answer 403); an encrypted channel without a configured master key is {@link
 * IllegalStateException} (a configuration error, 500). Exceptions thrown by rules and middleware
 * propagate unchanged. No message contains the secret.
 *
 * <p>Thread-safe: build once, share. Calls run the app's rules on the calling thread and block as
 * long as they do; rules may be called concurrently.
 *
 * @param <U> the app's own user type, handed to the rules as is
 */
public final class ChannelAuthorizer<U> {
  private final String key;
  private final String secret;
  private final EncryptionMasterKey masterKey;
  private final List<AuthorizationRule<U>> rules;
  private final List<Middleware<U>> middleware;
  private final DecisionCache cache;
  private final Function<? super U, String> cacheKey;

  ChannelAuthorizer(
      String key,
      String secret,
      EncryptionMasterKey masterKey,
      List<AuthorizationRule<U>> rules,
      List<Middleware<U>> middleware,
      DecisionCache cache,
      Function<? super U, String> cacheKey) {
    this.key = key;
    this.secret = secret;
    this.masterKey = masterKey;
    this.rules = List.copyOf(rules);
    this.middleware = List.copyOf(middleware);
    this.cache = cache;
    this.cacheKey = cacheKey;
  }

  /**
   * A builder for an authorizer signing with the app's key and secret. Name the user type when
   * chaining: {@code ChannelAuthorizer.<User>builder(key, secret)}.
   *
   * @throws IllegalArgumentException when the key or secret is null or empty
   */
  public static <U> ChannelAuthorizerBuilder<U> builder(String key, String secret) {
    return new ChannelAuthorizerBuilder<>(key, secret);
  }

  /**
   * Runs around every decision of an authorizer, channel and sign-in alike: it may log, deny
   * (return {@link AuthorizationDecision#deny} without calling {@code next}), or replace the
   * decision {@code next} returns. Implementations must be thread-safe; they run on the caller's
   * thread.
   *
   * @param <U> the app's user type
   */
  @FunctionalInterface
  public interface Middleware<U> {
    /**
     * Decides {@code request}, usually by calling {@code next.proceed()}.
     *
     * @return the decision; never null
     */
    AuthorizationDecision handle(AuthorizationRequest<U> request, Chain next);
  }

  /** The rest of the chain: the next middleware, or at the end the rules (and cache). */
  @FunctionalInterface
  public interface Chain {
    /** Runs the rest of the chain and returns its decision. */
    AuthorizationDecision proceed();
  }

  /**
   * Authorizes {@code user} for {@code channelName} on the connection {@code socketId} and signs
   * the response: {@code {"auth"}} (private), {@code {"auth", "channel_data"}} (presence) or {@code
   * {"auth", "shared_secret"}} (encrypted).
   *
   * @param user the app's user, passed to the rules as is
   * @param socketId the {@code socket_id} form field
   * @param channelName the {@code channel_name} form field, the full name with prefix
   * @throws IllegalArgumentException when the socket id or channel name is missing, the socket id
   *     is not {@code digits.digits}, or the channel is public
   * @throws AuthorizationDeniedException when the name is not a valid channel name, no rule matches
   *     or the decision is no
   * @throws IllegalStateException for an encrypted channel when no master key is configured, or
   *     when a presence channel is allowed without a member
   */
  public AuthResponse authorize(U user, String socketId, String channelName) {
    requireSocketId(socketId);
    if (channelName == null || channelName.isEmpty()) {
      throw new IllegalArgumentException("channel_name is missing");
    }
    ChannelName.problem(channelName)
        .ifPresent(
            problem -> {
              // A name no client may subscribe to: refuse it like any forbidden channel (§1.6).
              throw new AuthorizationDeniedException(printable(channelName), problem);
            });
    ChannelType type = ChannelType.of(channelName);
    AuthorizationRequest.Kind kind =
        switch (type) {
          case PUBLIC ->
              throw new IllegalArgumentException(
                  "'"
                      + channelName
                      + "' is a public channel: public channels need no authorization");
          case PRIVATE -> AuthorizationRequest.Kind.PRIVATE;
          case ENCRYPTED -> AuthorizationRequest.Kind.ENCRYPTED;
          case PRESENCE -> AuthorizationRequest.Kind.PRESENCE;
        };
    if (kind == AuthorizationRequest.Kind.ENCRYPTED && masterKey == null) {
      throw new IllegalStateException(
          "'"
              + channelName
              + "' is an encrypted channel, but this authorizer has no encryption master key:"
              + " configure the same one the broadcaster uses with encryptionMasterKey(…)");
    }
    String name = channelName.substring(prefixLength(type));
    AuthorizationRule<U> rule = null;
    Map<String, String> params = Map.of();
    for (AuthorizationRule<U> candidate : rules) {
      var match = candidate.match(kind, name);
      if (match.isPresent()) {
        rule = candidate;
        params = match.get();
        break;
      }
    }
    var request = new AuthorizationRequest<>(kind, user, socketId, channelName, params);
    AuthorizationRule<U> matched = rule;
    AuthorizationDecision decision = decide(request, 0, () -> ruleDecision(request, matched));
    if (!decision.allowed()) {
      throw new AuthorizationDeniedException(channelName, decision.reason());
    }
    return sign(request, decision);
  }

  /**
   * Signs {@code data} for a user sign-in on the connection {@code socketId} (protocol reference
   * §1.7, pusher-js's {@code userAuthentication.endpoint}): {@code {"auth", "user_data"}}. The
   * middleware sees the request first and may deny it; there are no rules for sign-ins.
   *
   * @throws IllegalArgumentException when the socket id is missing or malformed
   * @throws AuthorizationDeniedException when a middleware denies the sign-in
   */
  public AuthResponse signin(U user, String socketId, UserData data) {
    requireSocketId(socketId);
    Objects.requireNonNull(data, "data");
    var request =
        new AuthorizationRequest<>(AuthorizationRequest.Kind.SIGNIN, user, socketId, null, null);
    AuthorizationDecision decision = decide(request, 0, AuthorizationDecision::allow);
    if (!decision.allowed()) {
      throw new AuthorizationDeniedException(null, decision.reason());
    }
    String userData = data.toJson();
    return new AuthResponse(
        Signatures.userAuth(key, secret, socketId, userData), null, null, userData);
  }

  /** Runs middleware {@code index} onwards, then {@code last}. */
  private AuthorizationDecision decide(AuthorizationRequest<U> request, int index, Chain last) {
    if (index == middleware.size()) {
      return last.proceed();
    }
    AuthorizationDecision decision =
        middleware.get(index).handle(request, () -> decide(request, index + 1, last));
    if (decision == null) {
      throw new IllegalStateException("a ChannelAuthorizer middleware returned no decision");
    }
    return decision;
  }

  /** The matched rule's decision, from the cache when it holds one. */
  private AuthorizationDecision ruleDecision(
      AuthorizationRequest<U> request, AuthorizationRule<U> rule) {
    if (rule == null) {
      return AuthorizationDecision.deny("no rule matches this channel");
    }
    String user = cache == null || request.user() == null ? null : cacheKey.apply(request.user());
    if (user != null) {
      var cached = cache.find(user, request.channel());
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    AuthorizationDecision decision = rule.decide().apply(request.user(), request.params());
    if (user != null) {
      cache.put(user, request.channel(), decision);
    }
    return decision;
  }

  private AuthResponse sign(AuthorizationRequest<U> request, AuthorizationDecision decision) {
    String channel = request.channel();
    String socketId = request.socketId();
    switch (request.kind()) {
      case PRESENCE -> {
        if (decision.member() == null) {
          throw new IllegalStateException(
              "'" + channel + "' is a presence channel: allow it with a PresenceMember");
        }
        String channelData = decision.member().toChannelData();
        return new AuthResponse(
            Signatures.channelAuth(key, secret, socketId, channel, channelData),
            channelData,
            null,
            null);
      }
      case ENCRYPTED -> {
        // shared_secret is not signed; the client uses it to decrypt (§1.10).
        String sharedSecret = masterKey.sharedSecret(channel);
        return new AuthResponse(
            Signatures.channelAuth(key, secret, socketId, channel, null), null, sharedSecret, null);
      }
      default -> {
        return new AuthResponse(
            Signatures.channelAuth(key, secret, socketId, channel, null), null, null, null);
      }
    }
  }

  private static int prefixLength(ChannelType type) {
    return switch (type) {
      case PRIVATE -> ChannelType.PRIVATE_PREFIX.length();
      case ENCRYPTED -> ChannelType.ENCRYPTED_PREFIX.length();
      case PRESENCE -> ChannelType.PRESENCE_PREFIX.length();
      case PUBLIC -> 0;
    };
  }

  private static void requireSocketId(String socketId) {
    if (socketId == null || socketId.isEmpty()) {
      throw new IllegalArgumentException("socket_id is missing");
    }
    // Without this check a crafted socket id could make the app sign another string (§1.1).
    if (!SocketId.isValid(socketId)) {
      throw new IllegalArgumentException(
          "socket_id '" + printable(socketId) + "' is not of the form digits.digits");
    }
  }

  private static String printable(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }

  /** Shows the rule and middleware counts, never the secret or master key. */
  @Override
  public String toString() {
    return "ChannelAuthorizer[key="
        + key
        + ", rules="
        + rules.size()
        + ", middleware="
        + middleware.size()
        + ", encrypted="
        + (masterKey != null)
        + ", cache="
        + (cache != null)
        + "]";
  }
}
