package dev.herald.server.protocol;

/** Runs a task later, off the caller's thread; tests substitute a manual one. Thread-safe. */
@FunctionalInterface
public interface Scheduler {
  /** Runs {@code task} once, about {@code delayMillis} from now. */
  void schedule(Runnable task, long delayMillis);
}
