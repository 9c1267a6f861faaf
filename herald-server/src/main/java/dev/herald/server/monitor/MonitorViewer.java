package dev.herald.server.monitor;

/**
 * Someone watching an app through {@link MonitorFeed#subscribe}: told when events wait to be
 * {@linkplain MonitorSubscription#drain drained}.
 */
@FunctionalInterface
public interface MonitorViewer {
  /**
   * Events are waiting where there were none. Called once until the next {@link
   * MonitorSubscription#drain}, on the thread where the event happened (often an event loop): it
   * must return at once and never block; drain on the viewer's own thread.
   */
  void eventsWaiting();
}
