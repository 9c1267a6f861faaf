package dev.herald.spring;

import dev.herald.Broadcaster;
import dev.herald.Broadcasters;
import dev.herald.DriverSettings;
import dev.herald.FailurePolicy;
import dev.herald.QueuedBroadcaster;
import dev.herald.QueuedBroadcasterBuilder;
import dev.herald.RetryPolicy;
import java.util.List;

/**
 * Builds the auto-configured broadcaster and the named connections from {@link HeraldProperties}.
 */
final class HeraldBroadcasters {
  static final String PREFIX = "herald.";
  static final String CONNECTIONS = "herald.connections.";

  private HeraldBroadcasters() {}

  /**
   * The driver (or the source), the failure policy, the queue, then the customizers in order.
   *
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  static Broadcaster create(
      HeraldProperties properties,
      BroadcasterSource source,
      List<BroadcastFailureHandler> failureHandlers,
      List<HeraldBroadcasterCustomizer> customizers) {
    String policy = properties.getFailurePolicy();
    if (properties.getQueue().isEnabled() && policy != null && policy.trim().equals("retry")) {
      throw new IllegalArgumentException(
          "herald.failure-policy=retry and herald.queue.enabled=true both queue and retry:"
              + " keep one (herald.queue.* configures the retries)");
    }
    Broadcaster broadcaster;
    if (source != null) {
      String driver = properties.getDriver();
      if (driver != null && !driver.isBlank() && !driver.trim().equals("embedded")) {
        throw new IllegalArgumentException(
            "herald.server.enabled=true publishes to the embedded server, but herald.driver is '"
                + driver.trim()
                + "': remove one of the two");
      }
      broadcaster =
          policy == null
              ? source.broadcaster()
              : FailurePolicy.named(policy).apply(source.broadcaster());
    } else {
      broadcaster = driver(properties, PREFIX);
    }
    if (properties.getQueue().isEnabled()) {
      broadcaster = queued(broadcaster, properties, failureHandlers);
    }
    for (HeraldBroadcasterCustomizer customizer : customizers) {
      broadcaster = customizer.customize(broadcaster);
    }
    return broadcaster;
  }

  /** The broadcaster that {@code properties}' driver settings under {@code prefix} describe. */
  static Broadcaster driver(DriverProperties properties, String prefix) {
    return Broadcasters.standard()
        .create(DriverSettings.fromProperties(properties.toDriverProperties(prefix), prefix));
  }

  private static Broadcaster queued(
      Broadcaster broadcaster,
      HeraldProperties properties,
      List<BroadcastFailureHandler> failureHandlers) {
    HeraldProperties.Queue queue = properties.getQueue();
    RetryPolicy retry;
    try {
      retry =
          new RetryPolicy(
              queue.getMaxAttempts(),
              queue.getInitialBackoff(),
              queue.getMultiplier(),
              queue.getMaxBackoff());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("herald.queue: " + e.getMessage());
    }
    QueuedBroadcasterBuilder builder =
        QueuedBroadcaster.builder(broadcaster)
            .retry(retry)
            .capacity(queue.getCapacity())
            .drainTimeout(queue.getDrainTimeout());
    if (properties.getMaxPayloadBytes() != null) {
      builder.maxPayloadBytes(properties.getMaxPayloadBytes());
    }
    if (!failureHandlers.isEmpty()) {
      List<BroadcastFailureHandler> handlers = List.copyOf(failureHandlers);
      builder.onFailure(failed -> handlers.forEach(handler -> handler.accept(failed)));
    }
    return builder.build();
  }
}
