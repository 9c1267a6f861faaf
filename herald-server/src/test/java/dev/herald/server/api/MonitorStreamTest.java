package dev.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.lifecycle.LifecycleEvent.ConnectionOpened;
import dev.herald.server.monitor.MonitorFeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The monitor's SSE body against an output the test controls, like a slow client. */
class MonitorStreamTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(7), ZoneOffset.UTC);

  /** What the transport would send, and its tasks, run when the test says. */
  static final class FakeOutput implements StreamOutput {
    final List<String> sent = new ArrayList<>();
    final Queue<Runnable> tasks = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    boolean writable = true;

    @Override
    public void write(String text) {
      pending.append(text);
    }

    @Override
    public void flush() {
      if (pending.length() > 0) {
        sent.add(pending.toString());
        pending.setLength(0);
      }
    }

    @Override
    public boolean writable() {
      return writable;
    }

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runTasks() {
      while (!tasks.isEmpty()) {
        tasks.remove().run();
      }
    }
  }

  private final MonitorFeed feed = new MonitorFeed(2, CLOCK);
  private final FakeOutput out = new FakeOutput();
  private final MonitorStream stream = new MonitorStream(feed, "shop", CLOCK);

  @Test
  void announcesItselfThenSendsEachEventAsOneDataLine() {
    stream.opened(out);
    assertThat(out.sent)
        .containsExactly("data: {\"type\":\"monitor_started\",\"time\":7,\"app_id\":\"shop\"}\n\n");

    feed.on(new ConnectionOpened("shop", "1.1", 8));
    feed.on(new ConnectionOpened("blog", "2.2", 9));
    out.runTasks();

    assertThat(out.sent)
        .last()
        .isEqualTo(
            "data: {\"type\":\"connection_opened\",\"time\":8,\"app_id\":\"shop\","
                + "\"socket_id\":\"1.1\"}\n\n");
    assertThat(String.join("", out.sent)).doesNotContain("blog");
  }

  @Test
  void waitsForASlowClientAndSaysHowManyEventsItDropped() {
    stream.opened(out);
    out.writable = false;
    for (int i = 1; i <= 5; i++) {
      feed.on(new ConnectionOpened("shop", "1." + i, i));
    }
    out.runTasks();
    assertThat(out.sent).hasSize(1); // only monitor_started: nothing written while not writable

    out.writable = true;
    stream.resumed();

    assertThat(out.sent).hasSize(2);
    assertThat(out.sent.get(1))
        .startsWith("data: {\"type\":\"dropped\",\"time\":7,\"app_id\":\"shop\",\"count\":3}\n\n")
        .contains("\"socket_id\":\"1.4\"")
        .contains("\"socket_id\":\"1.5\"")
        .doesNotContain("\"socket_id\":\"1.3\"");
  }

  @Test
  void stopsWatchingWhenClosedEvenIfNeverOpened() {
    new MonitorStream(feed, "shop", CLOCK).closed();
    stream.opened(out);
    assertThat(feed.viewers("shop")).isEqualTo(1);

    stream.closed();
    feed.on(new ConnectionOpened("shop", "1.1", 8));
    out.runTasks();

    assertThat(feed.viewers()).isZero();
    assertThat(out.sent).hasSize(1);
  }
}
