package dev.herald.server.webhook;

/**
 * Hears how each webhook request ended, for the live views (the debug console, {@code herald
 * monitor}). Called on a delivery thread; must not block.
 */
@FunctionalInterface
public interface WebhookOutcomes {
  /** Hears nothing. */
  WebhookOutcomes NONE = (appId, host, delivered, events, attempts, lastAnswer) -> {};

  /**
   * @param host the endpoint's host (never its path or query, which may hold credentials)
   * @param delivered true when the endpoint answered 2xx, false when the request was given up
   * @param events how many events the request carried
   * @param attempts how many attempts it took
   * @param lastAnswer the last answer when given up ({@code HTTP 500}, an exception's name), else
   *     null
   */
  void outcome(
      String appId, String host, boolean delivered, int events, int attempts, String lastAnswer);
}
