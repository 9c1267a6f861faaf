package dev.herald;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Configures a {@link ChannelAuthorizer}: rules, middleware, the decision cache and the encryption
 * master key. Not thread-safe; use from one thread, then {@link #build()}. Every method checks its
 * arguments at once and throws {@link IllegalArgumentException} (null arguments: {@link
 * NullPointerException}); no message repeats a secret.
 *
 * @param <U> the app's user type
 */
public final class ChannelAuthorizerBuilder<U> {
  /** The decision cache's default bound. */
  public static final int DEFAULT_CACHE_ENTRIES = 10_000;

  private final String key;
  private final String secret;
  private final List<AuthorizationRule<U>> rules = new ArrayList<>();
  private final List<ChannelAuthorizer.Middleware<U>> middleware = new ArrayList<>();
  private EncryptionMasterKey masterKey;
  private Duration cacheTtl;
  private int cacheEntries;
  private Function<? super U, String> cacheKey;
  private Clock clock = Clock.systemUTC();

  ChannelAuthorizerBuilder(String key, String secret) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("the app key is missing");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the app secret is missing");
    }
    this.key = key;
    this.secret = secret;
  }

  /**
   * Adds a rule for private channels: {@code pattern} (without prefix, e.g. {@code
   * orders.{orderId}}) matches {@code private-orders.42} and {@code private-encrypted-orders.42},
   * and {@code rule} receives the user and the params ({@code orderId=42}); true allows. Rules are
   * tried in registration order, the first match decides.
   *
   * @throws IllegalArgumentException when the pattern is invalid (see {@link ChannelAuthorizer})
   */
  public ChannelAuthorizerBuilder<U> channel(
      String pattern, BiPredicate<? super U, Map<String, String>> rule) {
    Objects.requireNonNull(rule, "rule");
    ChannelPattern compiled = ChannelPattern.compile(pattern);
    rules.add(
        new AuthorizationRule<>(
            false,
            compiled,
            (user, params) ->
                rule.test(user, params)
                    ? AuthorizationDecision.allow()
                    : AuthorizationDecision.deny("the rule for '" + compiled + "' said no")));
    return this;
  }

  /**
   * Adds a rule for presence channels: {@code pattern} (e.g. {@code chat.{roomId}}) matches {@code
   * presence-chat.7}; {@code rule} returns the member the user joins as, or empty to deny.
   *
   * @throws IllegalArgumentException when the pattern is invalid
   */
  public ChannelAuthorizerBuilder<U> presence(
      String pattern, BiFunction<? super U, Map<String, String>, Optional<PresenceMember>> rule) {
    Objects.requireNonNull(rule, "rule");
    ChannelPattern compiled = ChannelPattern.compile(pattern);
    rules.add(
        new AuthorizationRule<>(
            true,
            compiled,
            (user, params) -> {
              Optional<PresenceMember> member = rule.apply(user, params);
              if (member == null) {
                throw new IllegalStateException(
                    "the presence rule for '" + compiled + "' returned null, not an Optional");
              }
              return member
                  .map(AuthorizationDecision::allow)
                  .orElseGet(
                      () -> AuthorizationDecision.deny("the rule for '" + compiled + "' said no"));
            }));
    return this;
  }

  /**
   * Adds a middleware. The first added runs outermost: it sees every request first and the final
   * decision last.
   */
  public ChannelAuthorizerBuilder<U> middleware(ChannelAuthorizer.Middleware<U> middleware) {
    this.middleware.add(Objects.requireNonNull(middleware, "middleware"));
    return this;
  }

  /**
   * Caches rule decisions (allow, deny and the presence member) per user and channel for {@code
   * ttl}, at most {@link #DEFAULT_CACHE_ENTRIES} of them. Signatures are never cached: each
   * response is signed for its socket id. Middleware still runs on every request. Users for whom
   * {@code userKey} returns null, and null users, are not cached.
   *
   * @param userKey a stable, unique key of a user (e.g. the id)
   * @throws IllegalArgumentException when {@code ttl} is not positive
   */
  public ChannelAuthorizerBuilder<U> cacheDecisions(
      Duration ttl, Function<? super U, String> userKey) {
    return cacheDecisions(ttl, DEFAULT_CACHE_ENTRIES, userKey);
  }

  /**
   * As {@link #cacheDecisions(Duration, Function)} with a bound on entries; the least recently used
   * go first.
   *
   * @throws IllegalArgumentException when {@code ttl} or {@code maxEntries} is not positive
   */
  public ChannelAuthorizerBuilder<U> cacheDecisions(
      Duration ttl, int maxEntries, Function<? super U, String> userKey) {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(userKey, "userKey");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the decision cache TTL must be positive, was " + ttl);
    }
    if (maxEntries <= 0) {
      throw new IllegalArgumentException(
          "the decision cache needs room for at least one entry, was " + maxEntries);
    }
    this.cacheTtl = ttl;
    this.cacheEntries = maxEntries;
    this.cacheKey = userKey;
    return this;
  }

  /** The clock the decision cache expires entries by (default: the system clock). */
  public ChannelAuthorizerBuilder<U> clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The encryption master key that {@code private-encrypted-} channels derive their {@code
   * shared_secret} from; it must be the one the broadcaster encrypts with (protocol reference
   * §1.10).
   */
  public ChannelAuthorizerBuilder<U> encryptionMasterKey(EncryptionMasterKey key) {
    this.masterKey = Objects.requireNonNull(key, "key");
    return this;
  }

  /**
   * As {@link #encryptionMasterKey(EncryptionMasterKey)}, from the key's 32 bytes (copied).
   *
   * @throws IllegalArgumentException when it is not 32 bytes long
   */
  public ChannelAuthorizerBuilder<U> encryptionMasterKey(byte[] key) {
    return encryptionMasterKey(EncryptionMasterKey.of(Objects.requireNonNull(key, "key")));
  }

  /**
   * As {@link #encryptionMasterKey(EncryptionMasterKey)}, from base64 (e.g. the output of {@code
   * openssl rand -base64 32}).
   *
   * @throws IllegalArgumentException when it is not base64 of 32 bytes (the message does not repeat
   *     the value)
   */
  public ChannelAuthorizerBuilder<U> encryptionMasterKeyBase64(String base64) {
    return encryptionMasterKey(EncryptionMasterKey.fromBase64(base64));
  }

  /** The authorizer; the builder may be reused, later changes do not affect it. */
  public ChannelAuthorizer<U> build() {
    DecisionCache cache =
        cacheTtl == null ? null : new DecisionCache(cacheTtl, cacheEntries, clock);
    return new ChannelAuthorizer<>(key, secret, masterKey, rules, middleware, cache, cacheKey);
  }
}
