package dev.herald;

import java.util.Objects;

/**
 * The answer to an {@link AuthorizationRequest}: allowed (with the presence member for presence
 * channels) or denied with a reason. Rules produce it; {@link ChannelAuthorizer.Middleware} may
 * replace it. Immutable.
 *
 * @param allowed whether the request is granted
 * @param member who the user is on a presence channel; null otherwise and when denied
 * @param reason why it was denied, for logs and {@link AuthorizationDeniedException}; null when
 *     allowed
 */
public record AuthorizationDecision(boolean allowed, PresenceMember member, String reason) {
  private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true, null, null);

  /**
   * Checks consistency.
   *
   * @throws IllegalArgumentException when an allowed decision has a reason, or a denied one has a
   *     member or no reason
   */
  public AuthorizationDecision {
    if (allowed && reason != null) {
      throw new IllegalArgumentException("an allowed decision has no reason");
    }
    if (!allowed && (member != null || reason == null || reason.isEmpty())) {
      throw new IllegalArgumentException("a denied decision has a reason and no member");
    }
  }

  /** Allowed: for private and encrypted channels, and sign-ins. */
  public static AuthorizationDecision allow() {
    return ALLOW;
  }

  /** Allowed as {@code member}: for presence channels. */
  public static AuthorizationDecision allow(PresenceMember member) {
    return new AuthorizationDecision(true, Objects.requireNonNull(member, "member"), null);
  }

  /**
   * Denied.
   *
   * @param reason why, for logs; must not contain secrets
   */
  public static AuthorizationDecision deny(String reason) {
    return new AuthorizationDecision(false, null, reason);
  }
}
