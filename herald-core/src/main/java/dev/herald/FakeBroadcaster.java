package dev.herald;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Records broadcasts instead of sending them, with assertions for tests:
 *
 * <pre>{@code
 * FakeBroadcaster broadcaster = new FakeBroadcaster();
 * new OrderService(broadcaster).ship(42);
 * broadcaster.assertBroadcastOn(Channel.privateChannel("orders.42"), OrderShipped.class);
 * }</pre>
 *
 * <p>It checks every broadcast like a real driver (payload limit, socket id, closed state), so a
 * test fails where production would. Failed assertions throw {@link AssertionError} listing what
 * was broadcast. Thread-safe; never blocks.
 */
public final class FakeBroadcaster implements Broadcaster {
  private final int maxPayloadBytes;
  private final List<Broadcast> broadcasts = new CopyOnWriteArrayList<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** With Pusher's 10 KB payload limit. */
  public FakeBroadcaster() {
    this(Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /** With another payload limit, in UTF-8 bytes of {@code data}. */
  public FakeBroadcaster(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Records the broadcast, or fails it with the next failure set by {@link #failNext}.
   *
   * @return an already completed future
   * @throws IllegalArgumentException when the data is over the limit (nothing is recorded)
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
    broadcast.requireDataWithin(maxPayloadBytes);
    RuntimeException failure;
    synchronized (failures) {
      failure = failures.poll();
    }
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    broadcasts.add(broadcast);
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Makes the next broadcast fail with {@code failure} (its future completes exceptionally; it is
   * not recorded). Calls queue up: three calls fail the next three broadcasts.
   */
  public FakeBroadcaster failNext(RuntimeException failure) {
    synchronized (failures) {
      failures.add(Objects.requireNonNull(failure, "failure"));
    }
    return this;
  }

  /** Every recorded broadcast, oldest first. */
  public List<Broadcast> broadcasts() {
    return List.copyOf(broadcasts);
  }

  /** The recorded application events of {@code type}, oldest first. */
  public <T extends BroadcastEvent> List<T> events(Class<T> type) {
    return broadcasts.stream()
        .map(Broadcast::event)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  /** Forgets everything recorded and every pending {@link #failNext failure}. */
  public void reset() {
    broadcasts.clear();
    synchronized (failures) {
      failures.clear();
    }
  }

  /** Asserts that at least one event of {@code type} was broadcast. */
  public void assertBroadcast(Class<? extends BroadcastEvent> type) {
    assertBroadcast(type, event -> true);
  }

  /** Asserts that at least one event of {@code type} matching {@code condition} was broadcast. */
  public <T extends BroadcastEvent> void assertBroadcast(
      Class<T> type, Predicate<? super T> condition) {
    if (events(type).stream().noneMatch(condition)) {
      fail(
          "Expected "
              + type.getSimpleName()
              + " to be broadcast (matching the condition), but it was not");
    }
  }

  /** Asserts that at least one event named {@code name} was broadcast, on any channel. */
  public void assertBroadcast(String name) {
    if (count(b -> b.name().equals(name)) == 0) {
      fail("Expected an event named '" + name + "' to be broadcast, but it was not");
    }
  }

  /** Asserts that an event of {@code type} was broadcast on {@code channel}. */
  public void assertBroadcastOn(Channel channel, Class<? extends BroadcastEvent> type) {
    if (count(b -> type.isInstance(b.event()) && b.channels().contains(channel)) == 0) {
      fail(
          "Expected "
              + type.getSimpleName()
              + " to be broadcast on "
              + channel
              + ", but it was not");
    }
  }

  /** Asserts that an event named {@code name} was broadcast on {@code channel}. */
  public void assertBroadcastOn(Channel channel, String name) {
    if (count(b -> b.name().equals(name) && b.channels().contains(channel)) == 0) {
      fail(
          "Expected an event named '"
              + name
              + "' to be broadcast on "
              + channel
              + ", but it was not");
    }
  }

  /** Asserts that events of {@code type} were broadcast exactly {@code times} times. */
  public void assertBroadcastTimes(Class<? extends BroadcastEvent> type, int times) {
    long actual = count(b -> type.isInstance(b.event()));
    if (actual != times) {
      fail(
          "Expected "
              + type.getSimpleName()
              + " to be broadcast "
              + times(times)
              + ", but it was broadcast "
              + times(actual));
    }
  }

  /** Asserts that events named {@code name} were broadcast exactly {@code times} times. */
  public void assertBroadcastTimes(String name, int times) {
    long actual = count(b -> b.name().equals(name));
    if (actual != times) {
      fail(
          "Expected '"
              + name
              + "' to be broadcast "
              + times(times)
              + ", but it was broadcast "
              + times(actual));
    }
  }

  /** Asserts that no event of {@code type} was broadcast. */
  public void assertNotBroadcast(Class<? extends BroadcastEvent> type) {
    assertBroadcastTimes(type, 0);
  }

  /** Asserts that no event named {@code name} was broadcast. */
  public void assertNotBroadcast(String name) {
    assertBroadcastTimes(name, 0);
  }

  /** Asserts that nothing at all was broadcast. */
  public void assertNothingBroadcast() {
    if (!broadcasts.isEmpty()) {
      fail("Expected nothing to be broadcast, but something was");
    }
  }

  /** Marks the broadcaster closed; what was recorded stays available. */
  @Override
  public void close() {
    closed.set(true);
  }

  private long count(Predicate<Broadcast> matching) {
    return broadcasts.stream().filter(matching).count();
  }

  private void fail(String expectation) {
    List<Broadcast> seen = broadcasts();
    StringBuilder message = new StringBuilder(expectation).append('.');
    if (seen.isEmpty()) {
      message.append("\nNothing was broadcast.");
    } else {
      message.append("\nBroadcast (").append(seen.size()).append("):");
      for (int i = 0; i < seen.size(); i++) {
        message.append("\n  ").append(i + 1).append(". ").append(describe(seen.get(i)));
      }
    }
    throw new AssertionError(message.toString());
  }

  private static String describe(Broadcast b) {
    String type = b.event() == null ? "" : " (" + b.event().getClass().getSimpleName() + ")";
    String data = b.data().length() <= 200 ? b.data() : b.data().substring(0, 200) + "…";
    String except = b.socketId() == null ? "" : " except " + b.socketId();
    return "'" + b.name() + "'" + type + " on " + b.channels() + except + ": " + data;
  }

  private static String times(long n) {
    return n == 1 ? "once" : n + " times";
  }
}
