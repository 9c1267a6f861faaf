package dev.herald.server.webhook;

import dev.herald.WebhookEvent;

/**
 * Queues, batches, signs, POSTs and retries webhooks, off the event loop (protocol reference
 * §1.12). Each app's events go to the app's endpoints that accept them.
 *
 * <p>Implementations are thread-safe; {@link #send} never blocks and never fails: what cannot be
 * queued or delivered is dropped and counted.
 */
public interface WebhookSender extends AutoCloseable {
  /** Queues {@code event} of app {@code appId} for that app's endpoints. Never blocks. */
  void send(String appId, WebhookEvent event);

  /** Events dropped because the queue was full or the sender closed, once per endpoint. */
  long droppedEvents();

  /** Requests given up: retried for the configured time without a 2xx, or left at shutdown. */
  long failedDeliveries();

  /** Requests answered with a 2xx. */
  long deliveredRequests();

  /** Stops taking events and sends what is due, waiting a bounded time. */
  @Override
  void close();
}
