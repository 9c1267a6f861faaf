package dev.herald.server.monitor;

import java.util.List;

/**
 * What a viewer gets from one {@link MonitorSubscription#drain}.
 *
 * @param events the events buffered since the last drain, oldest first
 * @param dropped how many older events were dropped before these because the buffer was full
 */
public record MonitorBatch(List<MonitorEvent> events, long dropped) {
  public MonitorBatch {
    events = List.copyOf(events);
  }
}
