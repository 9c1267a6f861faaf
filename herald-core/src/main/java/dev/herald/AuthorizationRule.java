package dev.herald;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One registered rule of a {@link ChannelAuthorizer}: a pattern and the app's callback, adapted to
 * return an {@link AuthorizationDecision}. Immutable; the callback is the app's and may block.
 *
 * @param presence whether it answers presence channels (else private and encrypted ones)
 * @param pattern the channel pattern, without type prefix
 * @param decide the callback
 * @param <U> the app's user type
 */
record AuthorizationRule<U>(
    boolean presence,
    ChannelPattern pattern,
    BiFunction<U, Map<String, String>, AuthorizationDecision> decide) {

  /** Whether this rule answers requests of {@code kind}. */
  boolean appliesTo(AuthorizationRequest.Kind kind) {
    return switch (kind) {
      case PRESENCE -> presence;
      case PRIVATE, ENCRYPTED -> !presence;
      case SIGNIN -> false;
    };
  }

  /** The params when this rule applies to {@code kind} and matches {@code name}. */
  Optional<Map<String, String>> match(AuthorizationRequest.Kind kind, String name) {
    return appliesTo(kind) ? pattern.match(name) : Optional.empty();
  }
}
