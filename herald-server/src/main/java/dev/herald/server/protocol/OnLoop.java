package dev.herald.server.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step on a connection's loop once an answer from the cluster is in: at once when the answer
 * is already there and we are on the loop (the memory stores), else as a task on the loop. When the
 * answer failed (a store could not reach Redis), the failure is logged once and the {@code failed}
 * step answers the client instead, so that no request goes unanswered.
 */
final class OnLoop {
  private static final Logger log = LoggerFactory.getLogger(OnLoop.class);

  private OnLoop() {}

  /**
   * @param step runs when {@code answer} completed normally
   * @param failed runs when it failed; a {@link PusherException} it throws reaches the client
   */
  static void when(Connection conn, CompletableFuture<?> answer, Runnable step, Runnable failed) {
    if (answer.isDone() && conn.loop().inLoop()) {
      run(conn, answer.handle((value, error) -> error).join(), step, failed);
    } else {
      answer.whenComplete(
          (ignored, error) -> conn.loop().execute(() -> run(conn, error, step, failed)));
    }
  }

  private static void run(Connection conn, Throwable error, Runnable step, Runnable failed) {
    if (error == null) {
      run(conn, step);
      return;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    log.warn(
        "app={} socket={}: the cluster did not answer, the client is told: {}",
        conn.app().id(),
        conn.socketId(),
        cause.toString());
    run(conn, failed);
  }

  private static void run(Connection conn, Runnable step) {
    try {
      step.run();
    } catch (PusherException e) {
      PusherProtocol.report(conn, e);
    } catch (RuntimeException e) {
      log.error("app={} socket={}: step failed", conn.app().id(), conn.socketId(), e);
    }
  }
}
