package dev.herald.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.BroadcastException;
import dev.herald.Channel;
import dev.herald.redis.testing.RedisProcess;
import dev.herald.redis.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RedisBroadcaster} while Redis crashes, restarts, is not there yet or does not answer. */
class RedisOutageTest {
  /** A broadcast while Redis is away must fail within this, not hang. */
  private static final Duration FAILS_WITHIN = Duration.ofSeconds(10);

  /** Lettuce's reconnection backs off up to 5 s; this leaves room for a slow machine. */
  private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(30);

  private static final Channel ORDERS = Channel.publicChannel("orders");

  private RedisProcess redis;
  private RedisBroadcaster broadcaster;

  @BeforeEach
  void startRedis() {
    redis = RedisProcess.startOnFreePort();
  }

  @AfterEach
  void stopRedis() {
    if (broadcaster != null) {
      broadcaster.close();
    }
    redis.close();
  }

  @Test
  void failsWithABroadcastExceptionWhileRedisIsDownAndRecoversWhenItIsBack() {
    broadcaster = broadcaster(redis.uri());
    sent(send());

    redis.stop();
    BroadcastException failure = failed(send());
    assertThat(failure.getMessage())
        .isEqualTo(
            "Redis at 127.0.0.1:"
                + redis.port()
                + " could not be reached: "
                + failure.getCause().getMessage());
    assertThat(failure.retryable()).isTrue();

    redis.start();
    await()
        .atMost(RECOVERS_WITHIN)
        .ignoreExceptionsInstanceOf(CompletionException.class)
        .untilAsserted(() -> sent(send()));
  }

  @Test
  void pingFailsWhileRedisIsDownAndAnswersWhenItIsBack() {
    broadcaster = broadcaster(redis.uri());
    broadcaster.ping().orTimeout(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS).join();

    redis.stop();
    assertThatThrownBy(
            () -> broadcaster.ping().orTimeout(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS).join())
        .hasCauseInstanceOf(BroadcastException.class);

    redis.start();
    await()
        .atMost(RECOVERS_WITHIN)
        .ignoreExceptionsInstanceOf(CompletionException.class)
        .untilAsserted(() -> broadcaster.ping().join());
  }

  @Test
  void connectsLaterWhenRedisIsDownWhenTheBroadcasterIsBuilt() {
    redis.stop();
    broadcaster = broadcaster(redis.uri());

    assertThat(failed(send()).getMessage())
        .startsWith("Redis at 127.0.0.1:" + redis.port() + " could not be reached");

    redis.start();
    await()
        .atMost(RECOVERS_WITHIN)
        .ignoreExceptionsInstanceOf(CompletionException.class)
        .untilAsserted(() -> sent(send()));
  }

  @Test
  void failsEveryBroadcastWhileRedisStaysDown() {
    redis.stop();
    broadcaster = broadcaster(redis.uri());

    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sent.add(send());
    }

    sent.forEach(future -> assertThat(failed(future).retryable()).isTrue());
  }

  @Test
  void neverPutsThePasswordInAFailure() {
    redis.stop();
    broadcaster = broadcaster("redis://:s3cret-password@127.0.0.1:" + redis.port());

    BroadcastException failure = failed(send());

    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret-password");
    }
  }

  @Test
  void keepsTheOrderOfBroadcastsMadeWhileConnecting() {
    broadcaster = broadcaster(redis.uri());
    try (RedisSubscriber subscriber =
        RedisSubscriber.subscribe(redis.uri(), broadcaster.keys().eventChannelPattern())) {
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sent.add(broadcaster.on(ORDERS).as("step-" + i).withJson("{}").send());
      }
      sent.forEach(RedisOutageTest::sent);
      for (int i = 0; i < 50; i++) {
        assertThat(new String(subscriber.next().envelope().payload(), UTF_8))
            .contains("\"step-" + i + "\"");
      }
    }
  }

  @Test
  void failsWithinTheTimeoutWhenRedisAcceptsButNeverAnswers() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> acceptForever(silent), "silent-redis");
      acceptor.setDaemon(true);
      acceptor.start();
      broadcaster =
          RedisBroadcaster.builder()
              .uri("redis://127.0.0.1:" + silent.getLocalPort())
              .appId("app-1")
              .commandTimeout(Duration.ofMillis(500))
              .connectTimeout(Duration.ofMillis(500))
              .build();

      assertThat(failed(send()).retryable()).isTrue();
      acceptor.interrupt();
    }
  }

  private static void acceptForever(ServerSocket server) {
    List<Socket> held = new ArrayList<>();
    try {
      while (true) {
        held.add(server.accept()); // never read, never answer
      }
    } catch (IOException closed) {
      held.forEach(
          socket -> {
            try {
              socket.close();
            } catch (IOException e) {
              // closing a test socket
            }
          });
    }
  }

  private RedisBroadcaster broadcaster(String uri) {
    return RedisBroadcaster.builder()
        .uri(uri)
        .appId("app-1")
        .prefix(TestRedis.uniquePrefix())
        .build();
  }

  private CompletableFuture<Void> send() {
    return broadcaster.on(ORDERS).as("order.updated").withJson("{}").send();
  }

  private static void sent(CompletableFuture<Void> future) {
    future.orTimeout(FAILS_WITHIN.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  private static BroadcastException failed(CompletableFuture<Void> future) {
    CompletableFuture<Void> bounded =
        future.orTimeout(FAILS_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    assertThatThrownBy(bounded::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(BroadcastException.class);
    return (BroadcastException)
        bounded.handle((ok, e) -> e instanceof CompletionException ? e.getCause() : e).join();
  }
}
