package dev.herald;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FailurePolicy#LOG}: sending failures are logged at WARN and the futures complete normally.
 * Invalid broadcasts still throw. Thread-safe; never blocks.
 */
final class FailureLoggingBroadcaster implements Broadcaster {
  private static final Logger log = LoggerFactory.getLogger(FailureLoggingBroadcaster.class);

  private final Broadcaster delegate;

  FailureLoggingBroadcaster(Broadcaster delegate) {
    this.delegate = delegate;
  }

  /** Sends through the wrapped broadcaster; a sending failure is logged, not passed on. */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    return logged(delegate.broadcast(broadcast), broadcast.describe());
  }

  /** As {@link #broadcast}, for several events. */
  @Override
  public CompletableFuture<Void> broadcastAll(List<Broadcast> broadcasts) {
    return logged(delegate.broadcastAll(broadcasts), broadcasts.size() + " events");
  }

  /** Asks the wrapped broadcaster: a failure is reported, never hidden by this decorator. */
  @Override
  public CompletableFuture<Void> ping() {
    return delegate.ping();
  }

  /** Closes the wrapped broadcaster. */
  @Override
  public void close() {
    delegate.close();
  }

  private static CompletableFuture<Void> logged(CompletableFuture<Void> sent, String what) {
    return sent.exceptionally(
        failure -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          log.warn("broadcasting {} failed: {}", what, cause.toString());
          return null;
        });
  }
}
