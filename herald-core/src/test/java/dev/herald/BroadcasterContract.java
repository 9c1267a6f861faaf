package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broadcaster} driver promises, the null driver included: every kind of broadcast
 * is accepted and completes, bad arguments are refused before anything is sent, the payload limit
 * counts UTF-8 bytes, closed drivers refuse, many threads may send at once. Drivers that deliver
 * also pass {@link DeliveryContract}, which adds what subscribers receive.
 */
public abstract class BroadcasterContract {
  /** The master key drivers that encrypt are configured with. */
  public static final EncryptionMasterKey MASTER_KEY =
      EncryptionMasterKey.fromBase64("BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=");

  /** Bound for every future the tests wait on. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A record event: name and data by default. */
  public record OrderShipped(long orderId, String carrier) implements BroadcastEvent {
    @Override
    public List<Channel> broadcastOn() {
      return List.of(Channel.publicChannel("orders"));
    }
  }

  /** An event that says how it is broadcast. */
  public record PriceChanged(String sku, int cents, boolean publish) implements BroadcastEvent {
    @Override
    public List<Channel> broadcastOn() {
      return List.of(Channel.publicChannel("prices"), Channel.privateChannel("prices"));
    }

    @Override
    public String broadcastAs() {
      return "price.changed";
    }

    @Override
    public Object broadcastWith() {
      return Map.of("sku", sku);
    }

    @Override
    public boolean broadcastWhen() {
      return publish;
    }
  }

  /** A new driver for one test: 10 KB payload limit, {@link #MASTER_KEY} when it encrypts. */
  protected abstract Broadcaster newBroadcaster();

  protected static final Channel ORDERS = Channel.publicChannel("orders");

  protected Broadcaster broadcaster;

  @BeforeEach
  void createBroadcaster() {
    broadcaster = newBroadcaster();
  }

  @AfterEach
  void closeBroadcaster() {
    if (broadcaster != null) { // null when newBroadcaster() skipped the test (no Redis, say)
      broadcaster.close();
    }
  }

  @Test
  void completesForEveryKindOfBroadcast() {
    await(broadcaster.broadcast(new OrderShipped(42, "DHL")));
    await(broadcaster.broadcast(new PriceChanged("sku-1", 999, true)));
    await(broadcaster.broadcast(new PriceChanged("sku-1", 999, false)));
    await(broadcaster.on(ORDERS).as("order.updated").with(Map.of("id", 7)).send());
    await(broadcaster.on(ORDERS).as("raw").withJson("{\"already\":\"encoded\"}").send());
    await(broadcaster.broadcastToOthers(new OrderShipped(1, "UPS"), "1234.5678"));
    await(
        broadcaster.broadcastAll(
            IntStream.range(0, 25)
                .mapToObj(i -> Broadcast.of(List.of(ORDERS), "step", "{\"n\":" + i + "}"))
                .toList()));
  }

  @Test
  void refusesAnOversizedPayloadBeforeSendingAndSaysWhichEventAndHowLarge() {
    String data = "\"" + "x".repeat(Broadcast.DEFAULT_MAX_PAYLOAD_BYTES) + "\"";
    assertThatThrownBy(() -> broadcaster.on(ORDERS).as("too-big").withJson(data).send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'too-big'")
        .hasMessageContaining("10242 bytes")
        .hasMessageContaining("10240");
  }

  @Test
  void acceptsAPayloadExactlyAtTheLimitCountedInUtf8Bytes() {
    String data = atTheLimit();
    await(broadcaster.on(ORDERS).as("full").withJson(data).send());
  }

  @Test
  void refusesAMalformedSocketIdOrNoChannelAsBadArguments() {
    assertThatThrownBy(() -> broadcaster.on(ORDERS).as("x").toOthers("not-a-socket").send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("digits.digits");
    assertThatThrownBy(() -> broadcaster.on(List.of()).as("x").send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no channel");
  }

  @Test
  void refusesToBroadcastAfterClose() {
    broadcaster.close();
    assertThatThrownBy(() -> broadcaster.broadcast(new OrderShipped(1, "DHL")))
        .isInstanceOf(IllegalStateException.class);
    broadcaster.close(); // idempotent
  }

  @Test
  void answersAPingWhileOpen() {
    await(broadcaster.ping());
  }

  @Test
  void acceptsBroadcastsFromManyThreadsAtOnce() {
    fromManyThreads();
  }

  /** 40 broadcasts from 4 threads, each awaited. */
  protected void fromManyThreads() {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<CompletableFuture<Void>>> sent = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        sent.add(threads.submit(() -> broadcaster.broadcast(new OrderShipped(n, "x"))));
      }
      for (Future<CompletableFuture<Void>> f : sent) {
        await(f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** A JSON string payload of exactly the default limit in UTF-8 bytes (two bytes a character). */
  protected static String atTheLimit() {
    String data = "\"" + "é".repeat((Broadcast.DEFAULT_MAX_PAYLOAD_BYTES - 2) / 2) + "\"";
    assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(10240);
    return data;
  }

  /** Waits a bounded time for a broadcast to be handed over. */
  protected static void await(CompletableFuture<Void> sent) {
    sent.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
  }
}
