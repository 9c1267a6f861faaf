package dev.herald.bench.jmh;

import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.Frame;
import dev.herald.server.channel.Loop;
import dev.herald.server.channel.Subscriber;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Herald's local fan-out ({@link ChannelRegistry#deliver}) to null-sink subscribers: one broadcast
 * of a ~100-byte event is looked up, encoded into one pooled frame and handed to every subscriber,
 * whose {@code deliver} does what the Netty connection does to the frame short of the socket: a
 * {@code retainedDuplicate()} that is released at once. {@code loop}: {@code inline} = the
 * publisher is on the subscribers' loop; {@code task} = it is not, so the registry hands the loop a
 * task (run at once here, on the same thread). Divide the score by {@code subscribers} for the cost
 * per subscriber.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BroadcastBenchmark {
  @Param({"1", "100", "1000", "10000"})
  int subscribers;

  @Param({"inline", "task"})
  String loop;

  private ChannelRegistry registry;
  private byte[] json;

  @Setup(Level.Trial)
  public void setUp() {
    registry = new ChannelRegistry(BufFrame.ENCODER);
    Loop target = new DirectLoop(loop.equals("inline"));
    for (int i = 0; i < subscribers; i++) {
      registry.subscribe("app", "bench", new NullSubscriber(i + ".1", target));
    }
    json =
        ("{\"event\":\"bench\",\"channel\":\"bench\",\"data\":\"{\\\"at\\\":1700000000000,"
                + "\\\"text\\\":\\\"hello, subscribers\\\"}\"}")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public int deliver() {
    return registry.deliver("app", "bench", json, null);
  }

  /** A loop that runs tasks at once on the caller's thread. */
  record DirectLoop(boolean inLoop) implements Loop {
    @Override
    public void execute(Runnable task) {
      task.run();
    }
  }

  /** A subscriber whose write is a retained duplicate released at once. */
  static final class NullSubscriber implements Subscriber {
    private final String socketId;
    private final Loop loop;

    NullSubscriber(String socketId, Loop loop) {
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
      ((BufFrame) frame).buf.retainedDuplicate().release();
    }
  }
}
