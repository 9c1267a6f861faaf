package dev.herald;

import java.time.Instant;
import java.util.List;

/**
 * The verified content of one webhook request: {@code {"time_ms", "events"}} (protocol reference
 * §1.12). One event without batching, several with it. Immutable.
 *
 * @param timeMs when the server created the batch, Unix milliseconds
 * @param events the events in the order the server sent them
 */
public record WebhookBatch(long timeMs, List<WebhookEvent> events) {
  /** Copies the events. */
  public WebhookBatch {
    events = List.copyOf(events);
  }

  /**
   * The body a server POSTs for this batch, as Pusher writes it (the bytes it signs). Thread-safe;
   * the inverse of what {@link WebhookReceiver#verify} reads.
   */
  public byte[] toJson() {
    return WebhookWriter.write(this);
  }

  /** {@link #timeMs()} as an instant. */
  public Instant time() {
    return Instant.ofEpochMilli(timeMs);
  }
}
