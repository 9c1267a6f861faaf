package dev.herald.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionClosed;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionOpened;
import dev.herald.server.lifecycle.LifecycleEvent.Subscribed;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonitorFeedTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);

  private final MonitorFeed feed = new MonitorFeed(3, CLOCK);

  @Test
  void showsEachViewerOnlyTheAppItWatches() {
    MonitorSubscription shop = feed.subscribe("shop", () -> {});
    MonitorSubscription blog = feed.subscribe("blog", () -> {});

    feed.on(new ConnectionOpened("shop", "1.1", 10));
    feed.on(new Subscribed("blog", "2.2", "news", 11));
    feed.apiEvent("shop", "orders", "shipped", "{\"id\":1}", null);

    assertThat(shop.drain().events())
        .extracting(MonitorEvent::json)
        .containsExactly(
            "{\"type\":\"connection_opened\",\"time\":10,\"app_id\":\"shop\",\"socket_id\":\"1.1\"}",
            "{\"type\":\"api_event\",\"time\":5000,\"app_id\":\"shop\",\"channel\":\"orders\","
                + "\"event\":\"shipped\",\"data\":\"{\\\"id\\\":1}\"}");
    assertThat(blog.drain().events())
        .extracting(MonitorEvent::type, MonitorEvent::appId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("subscribed", "blog"));
  }

  @Test
  void keepsTheNewestEventsWhenAViewerFallsBehindAndCountsTheDropped() {
    MonitorSubscription viewer = feed.subscribe("shop", () -> {});
    for (int i = 1; i <= 5; i++) {
      feed.on(new ConnectionOpened("shop", "1." + i, i));
    }

    MonitorBatch batch = viewer.drain();

    assertThat(batch.dropped()).isEqualTo(2);
    assertThat(batch.events())
        .extracting(e -> e.details().get("socket_id"))
        .containsExactly("1.3", "1.4", "1.5");
    assertThat(viewer.drain()).isEqualTo(new MonitorBatch(java.util.List.of(), 0));
  }

  @Test
  void wakesAViewerOnceUntilItDrains() {
    AtomicInteger wakes = new AtomicInteger();
    MonitorSubscription viewer = feed.subscribe("shop", wakes::incrementAndGet);

    feed.on(new ConnectionOpened("shop", "1.1", 1));
    feed.on(new ConnectionOpened("shop", "1.2", 2));
    assertThat(wakes).hasValue(1);
    viewer.drain();
    feed.on(new ConnectionClosed("shop", "1.1", "4009 bye", 3));

    assertThat(wakes).hasValue(2);
    assertThat(viewer.drain().events().get(0).details()).containsEntry("reason", "4009 bye");
  }

  @Test
  void forgetsAViewerThatClosed() {
    MonitorSubscription first = feed.subscribe("shop", () -> {});
    MonitorSubscription second = feed.subscribe("shop", () -> {});
    assertThat(feed.viewers("shop")).isEqualTo(2);

    first.close();
    first.close();
    feed.on(new ConnectionOpened("shop", "1.1", 1));

    assertThat(feed.viewers("shop")).isEqualTo(1);
    assertThat(feed.viewers()).isEqualTo(1);
    assertThat(first.drain().events()).isEmpty();
    assertThat(second.drain().events()).hasSize(1);
    second.close();
    assertThat(feed.viewers()).isZero();
  }

  /**
   * The zero-cost claim, measured: a million events with nobody watching (and then with a viewer of
   * another app only) allocate nothing on this thread. ThreadMXBean counts the thread's allocated
   * bytes; the threshold leaves room for the measuring calls themselves.
   */
  @Test
  void allocatesNothingForAnAppNobodyWatches() {
    LifecycleEvent event = new Subscribed("shop", "1.1", "news", 1);
    for (int i = 0; i < 100_000; i++) { // let the JIT compile the path first
      feed.on(event);
      feed.apiEvent("shop", "news", "e", "{}", null);
    }
    assertThat(allocatedBytesFor(event)).isLessThan(16 * 1024);

    MonitorSubscription other = feed.subscribe("blog", () -> {});
    assertThat(allocatedBytesFor(event)).isLessThan(16 * 1024);
    assertThat(other.drain().events()).isEmpty();

    MonitorSubscription watcher = feed.subscribe("shop", () -> {});
    assertThat(allocatedBytesFor(event))
        .as("the measurement sees the allocation of a watched app's events")
        .isGreaterThan(1_000_000);
    watcher.close();
  }

  private long allocatedBytesFor(LifecycleEvent event) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000_000; i++) {
      feed.on(event);
      feed.apiEvent("shop", "news", "e", "{}", null);
    }
    return threads.getThreadAllocatedBytes(thread) - before;
  }
}
