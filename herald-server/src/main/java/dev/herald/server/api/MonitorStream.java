package dev.herald.server.api;

import dev.herald.pusher.PusherJson;
import dev.herald.server.monitor.MonitorBatch;
import dev.herald.server.monitor.MonitorEvent;
import dev.herald.server.monitor.MonitorFeed;
import dev.herald.server.monitor.MonitorSubscription;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /apps/{app_id}/monitor} as Server-Sent Events: one {@code data:} line of JSON per
 * {@link MonitorEvent}, after a first {@code monitor_started} event that says the viewer is in
 * place. Events the viewer's buffer had to drop are reported as {@code {"type":"dropped","count":
 * n}} before the ones that follow. Runs on the client's transport thread.
 */
final class MonitorStream implements EventStream {
  private final MonitorFeed feed;
  private final String appId;
  private final Clock clock;
  private StreamOutput out;
  private MonitorSubscription subscription;

  MonitorStream(MonitorFeed feed, String appId, Clock clock) {
    this.feed = feed;
    this.appId = appId;
    this.clock = clock;
  }

  /** Answers a signed monitor request with this stream. */
  static ApiResponse answer(MonitorFeed feed, ApiCall call, Clock clock) {
    return ApiResponse.stream(new MonitorStream(feed, call.app().id(), clock));
  }

  @Override
  public void opened(StreamOutput output) {
    out = output;
    subscription = feed.subscribe(appId, () -> out.execute(this::pump));
    send(new MonitorEvent(appId, "monitor_started", clock.millis(), Map.of()).json());
    out.flush();
  }

  @Override
  public void resumed() {
    pump();
  }

  @Override
  public void closed() {
    if (subscription != null) {
      subscription.close();
    }
  }

  private void pump() {
    if (subscription.isClosed() || !out.writable()) {
      return; // resumed() pumps again; meanwhile the subscription's buffer bounds what waits
    }
    MonitorBatch batch = subscription.drain();
    if (batch.dropped() > 0) {
      var dropped = PusherJson.mapper().createObjectNode();
      dropped.put("type", "dropped").put("time", clock.millis()).put("app_id", appId);
      dropped.put("count", batch.dropped());
      send(PusherJson.string(dropped));
    }
    batch.events().forEach(event -> send(event.json()));
    out.flush();
  }

  private void send(String json) {
    out.write("data: " + json + "\n\n");
  }
}
