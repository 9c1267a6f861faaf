package dev.herald;

import java.util.Locale;

/**
 * What the app wants when a broadcast cannot be sent (the server is down, refuses the request):
 * chosen once, applied by wrapping the driver. Invalid broadcasts ({@link
 * IllegalArgumentException}) are programming errors and are thrown under every policy.
 */
public enum FailurePolicy {
  /**
   * The returned future completes exceptionally with the {@link BroadcastException}; the caller
   * decides. The default.
   */
  THROW,
  /**
   * The failure is logged at WARN and the future completes normally: broadcasting is best effort
   * and never fails the caller's work.
   */
  LOG,
  /**
   * Broadcasts are queued and retried with exponential backoff ({@link RetryPolicy#DEFAULT}); what
   * is finally given up is logged at WARN and fails the future. For a failure handler that stores
   * failed broadcasts, build a {@link QueuedBroadcaster} directly.
   */
  RETRY;

  /** Wraps {@code broadcaster} so that its failures follow this policy. */
  public Broadcaster apply(Broadcaster broadcaster) {
    return switch (this) {
      case THROW -> broadcaster;
      case LOG -> new FailureLoggingBroadcaster(broadcaster);
      case RETRY -> QueuedBroadcaster.builder(broadcaster).build();
    };
  }

  /**
   * The policy named {@code throw}, {@code log} or {@code retry} (any case).
   *
   * @throws IllegalArgumentException for another name
   */
  public static FailurePolicy named(String name) {
    for (FailurePolicy policy : values()) {
      if (policy.name().equalsIgnoreCase(name.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown failure policy '" + name + "'; use throw, log or retry");
  }

  /** The lower-case name used in configuration. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
