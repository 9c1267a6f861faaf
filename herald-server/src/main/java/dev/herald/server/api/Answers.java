package dev.herald.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Waits for several answers from the cluster without blocking. */
final class Answers {
  private Answers() {}

  /** The answers in order, once all are in. */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> answers) {
    return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            done -> {
              List<T> result = new ArrayList<>(answers.size());
              answers.forEach(answer -> result.add(answer.join()));
              return result;
            });
  }
}
