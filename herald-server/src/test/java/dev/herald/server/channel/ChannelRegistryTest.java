package dev.herald.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.DirectLoop;
import dev.herald.server.testing.QueuedLoop;
import dev.herald.server.testing.RecordingFrames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {
  private final RecordingFrames frames = new RecordingFrames();
  private final ChannelRegistry registry = new ChannelRegistry(frames);
  private final byte[] json = "{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void encodesOnceForEverySubscriberAndReleasesTheFrame() {
    DirectLoop loop = new DirectLoop();
    List<Sink> sinks = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Sink sink = new Sink("1." + i, loop);
      sinks.add(sink);
      registry.subscribe("app", "c", sink);
    }
    registry.deliver("app", "c", json, null);
    assertThat(frames.encoded).hasSize(1);
    assertThat(sinks).allSatisfy(s -> assertThat(s.frames).containsExactly(frames.encoded.get(0)));
    assertThat(frames.allReleased()).isTrue();
  }

  @Test
  void schedulesOneTaskPerLoopAndKeepsTheFrameAliveUntilItRuns() {
    QueuedLoop a = new QueuedLoop();
    QueuedLoop b = new QueuedLoop();
    Sink a1 = new Sink("1.1", a);
    Sink a2 = new Sink("1.2", a);
    Sink b1 = new Sink("1.3", b);
    registry.subscribe("app", "c", a1);
    registry.subscribe("app", "c", a2);
    registry.subscribe("app", "c", b1);
    assertThat(registry.deliver("app", "c", json, null)).isEqualTo(2);
    assertThat(a.pending()).isEqualTo(1);
    assertThat(b.pending()).isEqualTo(1);
    assertThat(frames.allReleased()).as("still referenced by queued tasks").isFalse();
    a.runAll();
    b.runAll();
    assertThat(List.of(a1, a2, b1)).allSatisfy(s -> assertThat(s.frames).hasSize(1));
    assertThat(frames.allReleased()).isTrue();
  }

  @Test
  void countsTheMessagesDeliveredPerAppOncePerLoop() {
    QueuedLoop a = new QueuedLoop();
    DirectLoop b = new DirectLoop();
    registry.subscribe("app", "c", new Sink("1.1", a));
    registry.subscribe("app", "c", new Sink("1.2", a));
    registry.subscribe("app", "c", new Sink("1.3", b));
    registry.subscribe("other", "c", new Sink("1.4", b));

    registry.deliver("app", "c", json, "1.2");
    assertThat(registry.messages().deliveredTo("app")).as("loop a has not run yet").isEqualTo(1);
    a.runAll();

    assertThat(registry.messages().deliveredTo("app")).isEqualTo(2);
    assertThat(registry.messages().deliveredTo("other")).isZero();
    assertThat(registry.channelCount("app")).isEqualTo(1);
    assertThat(registry.channelCount("nobody")).isZero();
  }

  @Test
  void skipsTheExcludedSocket() {
    DirectLoop loop = new DirectLoop();
    Sink sender = new Sink("1.1", loop);
    Sink other = new Sink("1.2", loop);
    registry.subscribe("app", "c", sender);
    registry.subscribe("app", "c", other);
    registry.deliver("app", "c", json, "1.1");
    assertThat(sender.frames).isEmpty();
    assertThat(other.frames).hasSize(1);
  }

  @Test
  void countsSubscribersAndForgetsEmptyChannels() {
    DirectLoop loop = new DirectLoop();
    Sink s = new Sink("1.1", loop);
    assertThat(registry.subscribe("app", "c", s)).isEqualTo(1);
    assertThat(registry.subscribe("app", "c", s)).isEqualTo(-1);
    assertThat(registry.subscribe("app", "d", s)).isEqualTo(1);
    assertThat(registry.channels("app")).containsOnlyKeys("c", "d");
    assertThat(registry.channels("other")).isEmpty();
    assertThat(registry.unsubscribe("app", "c", s)).isZero();
    assertThat(registry.unsubscribe("app", "c", s)).isEqualTo(-1);
    assertThat(registry.channels("app")).containsOnlyKeys("d");
    assertThat(registry.deliver("app", "c", json, null)).isZero();
    assertThat(frames.encoded).as("nothing encoded for an empty channel").isEmpty();
  }

  @Test
  void aSubscriberRemovedDuringDeliveryDoesNotDisturbTheOthers() {
    DirectLoop loop = new DirectLoop();
    List<Sink> sinks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Sink sink = new Sink("1." + i, loop);
      sinks.add(sink);
      registry.subscribe("app", "c", sink);
    }
    // The second subscriber unsubscribes itself while being delivered to (a slow consumer closing).
    sinks.get(1).onDeliver = () -> registry.unsubscribe("app", "c", sinks.get(1));
    registry.deliver("app", "c", json, null);
    assertThat(sinks).allSatisfy(s -> assertThat(s.frames).hasSize(1));
    assertThat(registry.subscriptionCount("app", "c")).isEqualTo(4);
  }

  private static final class Sink implements Subscriber {
    final String socketId;
    final Loop loop;
    final List<Frame> frames = new ArrayList<>();
    Runnable onDeliver = () -> {};

    Sink(String socketId, Loop loop) {
      this.socketId = socketId;
      this.loop = loop;
    }

    @Override
    public String socketId() {
      return socketId;
    }

    @Override
    public Loop loop() {
      return loop;
    }

    @Override
    public void deliver(Frame frame) {
      frames.add(frame);
      onDeliver.run();
    }
  }
}
