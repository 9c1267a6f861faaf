package dev.herald;

import java.time.Instant;
import java.util.Objects;

/**
 * A broadcast that a {@link QueuedBroadcaster} gave up on, handed to its failure handler so the app
 * can record it (a "failed broadcasts" table) and send it again later. Immutable.
 *
 * @param broadcast what was to be sent; {@link Broadcast#event()} is the application event, if any
 * @param attempts how many attempts were made (0 when it was refused before the first)
 * @param failure why the last attempt failed, or why it was refused
 * @param failedAt when the broadcaster gave up
 */
public record FailedBroadcast(
    Broadcast broadcast, int attempts, Throwable failure, Instant failedAt) {
  /** Every component is required. */
  public FailedBroadcast {
    Objects.requireNonNull(broadcast, "broadcast");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}
