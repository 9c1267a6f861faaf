package dev.herald.server.webhook;

import java.io.IOException;

/** Makes one webhook POST. A seam so unit tests can answer without sockets. Thread-safe. */
interface WebhookTransport {
  /**
   * POSTs {@code request} and returns the response status. Blocks until the answer or the
   * transport's timeout; called on a delivery thread only.
   *
   * @throws IOException when no answer came (connection refused, timeout, reset)
   * @throws InterruptedException when the delivery thread is interrupted (shutdown)
   */
  int post(WebhookRequest request) throws IOException, InterruptedException;
}
