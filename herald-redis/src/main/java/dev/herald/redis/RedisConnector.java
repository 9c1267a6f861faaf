package dev.herald.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One Lettuce connection (byte arrays both ways) that runs commands in the order they are given. It
 * connects in the background, and again on the next use after a failed attempt (at most once per
 * {@link #CONNECT_RETRY_PAUSE}); once connected, Lettuce reconnects by itself. Commands given while
 * it connects wait for the connection, in order. Failures become {@link
 * dev.herald.BroadcastException}s ({@link RedisFailure}).
 *
 * <p>Thread-safe. Commands are issued under a lock (issuing never blocks: Lettuce writes in the
 * background), which keeps each caller's commands in its order on the wire, so a {@code SET}
 * reaches Redis before the {@code PUBLISH} that follows it.
 */
final class RedisConnector {
  /**
   * The least time between two connection attempts of our own (Lettuce's reconnection has its own
   * delay): while Redis is away, broadcasts in between fail with the last attempt's failure instead
   * of each opening a socket.
   */
  static final Duration CONNECT_RETRY_PAUSE = Duration.ofSeconds(1);

  private final RedisClient client;
  private final RedisURI uri;
  private final Duration closeTimeout;
  private final Runnable release;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection; // guarded by this
  private long connectStartedNanos; // guarded by this
  private CompletableFuture<?> queued = CompletableFuture.completedFuture(null); // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param release shuts down what the connector owns (the client it was given, if it made it)
   */
  RedisConnector(RedisClient client, RedisURI uri, Duration closeTimeout, Runnable release) {
    this.client = client;
    this.uri = uri;
    this.closeTimeout = closeTimeout;
    this.release = release;
    synchronized (this) {
      connection = connect();
    }
  }

  /**
   * Issues {@code commands} on the connection (now, or once connected, after those given before).
   *
   * @param commands issues the commands and returns what completes when Redis acknowledged them
   * @return completes when Redis acknowledged; exceptionally with a BroadcastException
   * @throws IllegalStateException after {@link #close()}
   */
  CompletableFuture<Void> run(
      Function<RedisAsyncCommands<byte[], byte[]>, CompletableFuture<Void>> commands) {
    CompletableFuture<CompletableFuture<Void>> issued;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the broadcaster is closed");
      }
      if (connection.isCompletedExceptionally()
          && System.nanoTime() - connectStartedNanos >= CONNECT_RETRY_PAUSE.toNanos()) {
        connection = connect(); // the last attempt failed: try again for this broadcast
      }
      CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current = connection;
      if (current.isDone() && !current.isCompletedExceptionally() && queued.isDone()) {
        issued = CompletableFuture.completedFuture(issue(commands, current.join()));
      } else {
        // One dependent per stage: CompletableFuture runs several dependents of one stage in no
        // promised order, and the order of commands is the order of events.
        issued =
            queued
                .handle((ignored, failure) -> null)
                .thenCompose(ignored -> current)
                .thenApply(ready -> issue(commands, ready));
        queued = issued;
      }
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    issued
        .thenCompose(acknowledged -> acknowledged)
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                done.complete(null);
              } else {
                done.completeExceptionally(RedisFailure.of(failure, uri));
              }
            });
    inFlight.add(done);
    done.whenComplete((ok, failure) -> inFlight.remove(done));
    return done;
  }

  /**
   * Refuses new commands, waits up to the close timeout for those in flight, then closes the
   * connection and releases the client if this connector made it. Idempotent.
   */
  void close() {
    CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = connection;
    }
    // Let the connection attempt and what was sent finish, within the bound, as the HTTP driver
    // does: closing the client under a connection attempt makes its shutdown wait out a timeout.
    awaitQuietly(CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0])));
    awaitQuietly(current);
    if (current.isDone() && !current.isCompletedExceptionally()) {
      current.join().close();
    } else {
      current.thenAccept(StatefulRedisConnection::close);
    }
    release.run();
  }

  private void awaitQuietly(CompletableFuture<?> future) {
    try {
      future.get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The callers hear about failures through their own futures; closing goes on.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Issues the commands; what Lettuce throws instead of failing a future fails the result. */
  private static CompletableFuture<Void> issue(
      Function<RedisAsyncCommands<byte[], byte[]>, CompletableFuture<Void>> commands,
      StatefulRedisConnection<byte[], byte[]> connection) {
    try {
      return commands.apply(connection.async());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect() {
    connectStartedNanos = System.nanoTime();
    try {
      return client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
    } catch (RuntimeException e) { // e.g. a client given to the builder that was shut down
      return CompletableFuture.failedFuture(e);
    }
  }
}
