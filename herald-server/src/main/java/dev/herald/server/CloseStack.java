package dev.herald.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What a starting server has started, as a stack of close steps: each resource is pushed as soon as
 * it runs, and {@link #close} undoes them in reverse, whether startup failed halfway (a port that
 * cannot be bound must not leave a heartbeat or threads behind) or the server stops. Closing twice
 * closes once. Thread-safe.
 */
final class CloseStack implements AutoCloseable {
  private final Deque<Runnable> steps = new ArrayDeque<>(); // guarded by this
  private boolean closed; // guarded by this

  /** Pushes {@code step}: it runs at close, before every step pushed earlier. */
  synchronized void push(Runnable step) {
    if (closed) {
      throw new IllegalStateException("closed already");
    }
    steps.push(step);
  }

  /** Pushes the closing of {@code resource}, just started; returns it. */
  <T> T push(T resource, Consumer<? super T> close) {
    push(() -> close.accept(resource));
    return resource;
  }

  /**
   * Runs every step, the latest first, even when one fails; then throws the first failure, with the
   * later ones suppressed. Does nothing the second time; a concurrent call waits until the first is
   * done.
   */
  @Override
  public synchronized void close() {
    closed = true;
    RuntimeException failure = null;
    Runnable step;
    while ((step = steps.poll()) != null) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes after startup failed with {@code cause}; a failure to close is added to it. */
  void closeAfter(Throwable cause) {
    try {
      close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
