package dev.herald.server.protocol;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step on a connection's loop once an answer from the cluster is in: at once when the answer
 * is already there and we are on the loop (the memory stores), else as a task on the loop.
 */
final class OnLoop {
  private static final Logger log = LoggerFactory.getLogger(OnLoop.class);

  private OnLoop() {}

  static void when(Connection conn, CompletableFuture<?> answer, Runnable step) {
    if (answer.isDone() && conn.loop().inLoop()) {
      run(conn, step);
    } else {
      answer.whenComplete((ignored, error) -> conn.loop().execute(() -> run(conn, step)));
    }
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
