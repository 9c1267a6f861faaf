package dev.herald.server.webhook;

import dev.herald.WebhookEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Who decides the comeback delay ({@code channel_vacated} and {@code member_removed} held for 3 s
 * and dropped, with the arrival that cancels them, when the channel or user comes back; protocol
 * reference §1.12). On one node the sender's own held departures decide ({@link #LOCAL}). In a
 * cluster the client may come back on another node, so the cluster decides (see {@code
 * RedisComebacks}): the node that holds a departure asks, once the delay is over, whether it is
 * still due, and a node that reports an arrival asks whether it cancelled a departure held
 * anywhere.
 *
 * <p>Implementations are thread-safe and never block.
 */
public interface Comebacks {
  /** One node: the sender's held departures decide. */
  Comebacks LOCAL =
      new Comebacks() {
        @Override
        public boolean shared() {
          return false;
        }

        @Override
        public boolean cancelledADeparture(String appId, WebhookEvent arrival) {
          return false;
        }

        @Override
        public CompletableFuture<Boolean> stillDue(String appId, WebhookEvent departure) {
          return CompletableFuture.completedFuture(true);
        }
      };

  /** Whether the decisions are the cluster's rather than the sender's own. */
  boolean shared();

  /**
   * Whether {@code arrival} ({@code channel_occupied} or {@code member_added}) came back while a
   * departure of the same channel (and user) was held somewhere: then neither is reported. Answers
   * once per arrival.
   */
  boolean cancelledADeparture(String appId, WebhookEvent arrival);

  /**
   * Whether the held {@code departure} must be sent now that its delay is over; completes with true
   * when this cannot be known (better a departure too many than a channel that looks occupied
   * forever).
   */
  CompletableFuture<Boolean> stillDue(String appId, WebhookEvent departure);
}
