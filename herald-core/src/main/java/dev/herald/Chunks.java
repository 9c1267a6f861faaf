package dev.herald;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splitting work into requests the API accepts (100 channels per trigger, 10 events per batch) and
 * joining their futures back into one. Thread-safe; never blocks.
 */
final class Chunks {
  private Chunks() {}

  /** {@code items} in consecutive chunks of at most {@code size}. */
  static <T> List<List<T>> of(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return chunks;
  }

  /**
   * One request among several: when it fails, its {@link BroadcastException} is replaced by one
   * that says which request it was, keeping the status and whether it may be retried.
   */
  static <T> CompletableFuture<T> named(CompletableFuture<T> request, String which) {
    return request.handle(
        (value, failure) -> {
          if (failure == null) {
            return value;
          }
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          if (cause instanceof BroadcastException b) {
            throw new BroadcastException(
                which + ": " + b.getMessage(), b.status(), b.retryable(), b);
          }
          throw new BroadcastException(which + ": " + cause, false, cause);
        });
  }

  /**
   * Completes when every part has; with their values in order, or exceptionally with the first
   * failed part's exception (in part order) and the others as suppressed.
   */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> parts) {
    CompletableFuture<List<T>> result = new CompletableFuture<>();
    if (parts.isEmpty()) {
      result.complete(List.of());
      return result;
    }
    AtomicInteger left = new AtomicInteger(parts.size());
    for (CompletableFuture<T> part : parts) {
      part.whenComplete(
          (value, failure) -> {
            if (left.decrementAndGet() == 0) {
              finish(parts, result);
            }
          });
    }
    return result;
  }

  private static <T> void finish(List<CompletableFuture<T>> parts, CompletableFuture<List<T>> out) {
    List<T> values = new ArrayList<>(parts.size());
    Throwable first = null;
    for (CompletableFuture<T> part : parts) {
      try {
        values.add(part.join());
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        if (first == null) {
          first = cause;
        } else {
          first.addSuppressed(cause);
        }
      }
    }
    if (first == null) {
      out.complete(values);
    } else {
      out.completeExceptionally(first);
    }
  }
}
