package dev.herald.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Makes the Lettuce client a {@link RedisBroadcaster} uses when it is not given one, with options
 * that keep a broadcast from waiting long while Redis is away: commands are rejected at once while
 * disconnected, time out after the command timeout, connections are attempted for at most the
 * connect timeout and kept alive with TCP keepalive, and reconnection retries at least every 5 s.
 */
final class RedisClients {
  /** The longest pause between reconnection attempts: how long Redis may be back before we are. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(5);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private RedisClients() {}

  /** A connector over the builder's client, or over a new client it owns and shuts down. */
  static RedisConnector connector(RedisBroadcasterBuilder settings) {
    // The URI's timeout bounds the handshake after connecting (HELLO, AUTH, SELECT): without it a
    // Redis that accepts and never answers would hold the first broadcasts for Lettuce's 60 s.
    RedisURI uri = RedisURI.builder(settings.uri).withTimeout(settings.commandTimeout).build();
    if (settings.client != null) {
      return new RedisConnector(settings.client, uri, settings.commandTimeout, () -> {});
    }
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources);
    client.setOptions(options(settings.commandTimeout, settings.connectTimeout));
    return new RedisConnector(
        client,
        uri,
        settings.commandTimeout,
        () -> {
          client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
          resources
              .shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        });
  }

  /** The options described in the class comment. */
  static ClientOptions options(Duration commandTimeout, Duration connectTimeout) {
    return ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .socketOptions(
            SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
        .build();
  }
}
