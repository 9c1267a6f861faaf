package dev.herald.server.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a store's or broker's answer, bounded. */
public final class Futures {
  /** The longest any answer is waited for. */
  public static final long TIMEOUT_SECONDS = 10;

  private Futures() {}

  /** The future's value; fails the test if it failed or did not complete in time. */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no answer: " + e, e);
    }
  }
}
