package dev.herald.server.lifecycle;

/**
 * Hears the server's {@link LifecycleEvent}s: connections opened and closed, subscriptions,
 * channels occupied and vacated, presence members, client events. For embedded use (attendance
 * logs, metrics, auditing) and the source of webhooks.
 *
 * <p>Called on a dedicated dispatcher thread, never on an event loop, one event at a time in the
 * order they happened on each connection. A slow listener delays other listeners, not the server:
 * when the dispatcher's bounded queue is full, events are dropped and counted. Exceptions thrown by
 * a listener are logged and do not stop delivery.
 */
@FunctionalInterface
public interface LifecycleListener {
  /** Handles one event. */
  void on(LifecycleEvent event);
}
