package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.StubApiServer.Request;
import dev.herald.StubApiServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP driver's requests, as a Pusher-compatible API receives them. */
class HttpBroadcasterTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");
  private final StubApiServer stub = new StubApiServer();
  private final HttpBroadcaster broadcaster =
      stub.broadcaster().encryptionMasterKey(BroadcasterContract.MASTER_KEY).build();

  @AfterEach
  void stop() {
    broadcaster.close();
    stub.close();
  }

  @Test
  void splitsAnEventOnMoreThanOneHundredChannelsIntoRequestsOfOneHundred() {
    join(broadcaster.on(channels("fan-", 250)).as("fan-out").withJson("{}").send());
    assertThat(stub.requests())
        .allSatisfy(r -> assertThat(r.path()).isEqualTo("/apps/7/events"))
        .extracting(r -> r.json().get("channels").size())
        .containsExactlyInAnyOrder(100, 100, 50);
    assertThat(stub.sent()).hasSize(250);
  }

  @Test
  void sendsBatchesOfTenOneAfterTheOtherInOrder() {
    List<Broadcast> events =
        IntStream.range(0, 25)
            .mapToObj(i -> Broadcast.of(List.of(ORDERS), "step", "{\"n\":" + i + "}"))
            .toList();
    join(broadcaster.broadcastAll(events));
    assertThat(stub.requests())
        .allSatisfy(r -> assertThat(r.path()).isEqualTo("/apps/7/batch_events"))
        .extracting(r -> r.json().get("batch").size())
        .containsExactly(10, 10, 5);
    assertThat(stub.sent())
        .extracting(s -> s.data())
        .containsExactlyElementsOf(events.stream().map(Broadcast::data).toList());
  }

  @Test
  void givesEachEncryptedChannelItsOwnRequestAndKeepsPlainChannelsTogether() {
    Channel a = Channel.encryptedChannel("a");
    Channel b = Channel.encryptedChannel("b");
    Channel news = Channel.publicChannel("news");
    join(broadcaster.on(ORDERS, a, news, b).as("note").withJson("{\"text\":\"secret\"}").send());

    assertThat(stub.requests())
        .extracting(r -> r.json().get("channels").toString())
        .containsExactlyInAnyOrder(
            "[\"orders\",\"news\"]", "[\"private-encrypted-a\"]", "[\"private-encrypted-b\"]");
    for (Request request : stub.requests()) {
      JsonNode body = request.json();
      String channel = body.get("channels").get(0).asText();
      if (channel.startsWith("private-encrypted-")) {
        assertThat(BroadcasterContract.MASTER_KEY.decrypt(channel, body.get("data").asText()))
            .contains("{\"text\":\"secret\"}");
      } else {
        assertThat(body.get("data").asText()).isEqualTo("{\"text\":\"secret\"}");
      }
    }
  }

  @Test
  void refusesAnEncryptedChannelWithoutAMasterKeyBeforeAnyRequest() {
    try (HttpBroadcaster plain = stub.broadcaster().build()) {
      assertThatThrownBy(() -> plain.on(ORDERS, Channel.encryptedChannel("a")).as("note").send())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'private-encrypted-a'")
          .hasMessageContaining("no encryption master key is configured");
    }
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void refusesAnEventTooLargeOnceEncryptedBeforeAnyRequest() {
    String data = "\"" + "x".repeat(9000) + "\"";
    assertThatThrownBy(
            () ->
                broadcaster
                    .on(ORDERS, Channel.encryptedChannel("a"))
                    .as("big")
                    .withJson(data)
                    .send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event 'big' has 9002 bytes of data")
        .hasMessageContaining("once encrypted for 'private-encrypted-a'");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void sendsTheSocketIdToLeaveOut() {
    join(broadcaster.on(ORDERS).as("x").toOthers("123.456").send());
    assertThat(stub.requests().get(0).json().get("socket_id").asText()).isEqualTo("123.456");
  }

  @Test
  void namesTheFailedRequestWithTheStatusAndTheServersMessage() {
    stub.respond(
        r ->
            r.body().contains("\"fan-150\"")
                ? new Response(413, "{\"error\":\"Field 'data' is too large\"}")
                : Response.OK);
    CompletableFuture<Void> sent =
        broadcaster.on(channels("fan-", 250)).as("fan-out").withJson("{}").send();
    BroadcastException failure = failure(sent);
    assertThat(failure.getMessage())
        .contains("request 2 of 3 (channels 101-200)")
        .contains(
            "POST " + stub.url() + "/apps/7/events failed: HTTP 413: Field 'data' is too large")
        .doesNotContain(StubApiServer.SECRET)
        .doesNotContain("auth_signature");
    assertThat(failure.status()).isEqualTo(413);
    assertThat(failure.retryable()).isFalse();
    assertThat(stub.sent()).hasSize(150); // the other requests still went through
  }

  @Test
  void marksServerErrorsAndUnreachableServersAsRetryable() {
    stub.respond(r -> new Response(503, "overloaded"));
    BroadcastException unavailable = failure(broadcaster.on(ORDERS).as("x").send());
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.retryable()).isTrue();
    assertThat(unavailable.getMessage()).endsWith("HTTP 503: overloaded");

    String deadUrl = stub.url();
    stub.close();
    try (HttpBroadcaster dead = HttpBroadcaster.builder().url(deadUrl).app("7", "k", "s").build()) {
      BroadcastException unreachable = failure(dead.on(ORDERS).as("x").send());
      assertThat(unreachable.status()).isZero();
      assertThat(unreachable.retryable()).isTrue();
      assertThat(unreachable.getMessage()).contains("POST " + deadUrl + "/apps/7/events failed");
    }
  }

  @Test
  void pingsWithASmallSignedChannelQueryAndFailsWhenTheServerRefusesOrIsGone() {
    join(broadcaster.ping());
    assertThat(stub.requests()).hasSize(1);
    assertThat(stub.requests().get(0).method()).isEqualTo("GET");
    assertThat(stub.requests().get(0).path()).isEqualTo("/apps/7/channels");
    assertThat(stub.sent()).isEmpty();

    stub.respond(r -> new Response(401, "{\"error\":\"Invalid signature\"}"));
    BroadcastException refused = failure(broadcaster.ping());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.getMessage()).doesNotContain(StubApiServer.SECRET);

    String deadUrl = stub.url();
    stub.close();
    try (HttpBroadcaster dead = HttpBroadcaster.builder().url(deadUrl).app("7", "k", "s").build()) {
      assertThat(failure(dead.ping()).status()).isZero();
    }
  }

  @Test
  void timesOutAServerThatDoesNotAnswer() {
    CountDownLatch release = new CountDownLatch(1);
    stub.respond(
        r -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Response.OK;
        });
    try (HttpBroadcaster impatient =
        stub.broadcaster().requestTimeout(Duration.ofMillis(200)).build()) {
      BroadcastException timeout = failure(impatient.on(ORDERS).as("x").send());
      assertThat(timeout.getMessage()).endsWith("failed: timed out");
      assertThat(timeout.retryable()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void reusesOneHttp11ConnectionForSuccessiveRequests() {
    for (int i = 0; i < 3; i++) {
      join(broadcaster.on(ORDERS).as("x").send());
    }
    assertThat(stub.requests())
        .extracting(Request::clientPort)
        .containsOnly(stub.requests().get(0).clientPort());
    assertThat(stub.requests()).extracting(Request::upgrade).containsOnlyNulls();
  }

  @Test
  void reportsTheChannelAttributesItAskedForAndAsksUserCountOnlyWithPresenceChannels() {
    stub.respond(
        r ->
            new Response(
                200,
                r.body().contains("presence-room")
                    ? "{\"channels\":{\"presence-room\":{\"user_count\":2,\"subscription_count\":3}}}"
                    : "{\"channels\":{\"fan-0\":{\"subscription_count\":1}}}"));
    List<Channel> channels = new java.util.ArrayList<>(channels("fan-", 100));
    channels.add(Channel.presenceChannel("room"));
    Map<String, ChannelInfo> info =
        join(
            broadcaster.trigger(
                Broadcast.of(channels, "x", "{}"),
                ChannelAttribute.USER_COUNT,
                ChannelAttribute.SUBSCRIPTION_COUNT));
    assertThat(stub.requests())
        .extracting(r -> r.json().get("info").asText())
        .containsExactlyInAnyOrder("subscription_count", "user_count,subscription_count");
    assertThat(info.get("presence-room"))
        .isEqualTo(new ChannelInfo(true, java.util.OptionalInt.of(2), java.util.OptionalInt.of(3)));
    assertThat(info.get("fan-0").subscriptionCount()).hasValue(1);
    assertThat(info.get("fan-0").userCount()).isEmpty();
  }

  @Test
  void queriesChannelsOneChannelAndAPresenceChannelsUsersWithSignedGets() {
    stub.respond(
        r ->
            switch (r.path()) {
              case "/apps/7/channels" ->
                  new Response(200, "{\"channels\":{\"presence-room\":{\"user_count\":1}}}");
              case "/apps/7/channels/presence-room" ->
                  new Response(200, "{\"occupied\":true,\"user_count\":1}");
              default -> new Response(200, "{\"users\":[{\"id\":\"42\"},{\"id\":\"43\"}]}");
            });
    Channel room = Channel.presenceChannel("room");

    assertThat(join(broadcaster.channels("presence-", ChannelAttribute.USER_COUNT)))
        .containsOnlyKeys("presence-room");
    assertThat(join(broadcaster.channel(room, ChannelAttribute.USER_COUNT)).occupied()).isTrue();
    assertThat(join(broadcaster.users(room))).containsExactly("42", "43");
    assertThat(stub.requests())
        .extracting(Request::method, Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/apps/7/channels"),
            org.assertj.core.groups.Tuple.tuple("GET", "/apps/7/channels/presence-room"),
            org.assertj.core.groups.Tuple.tuple("GET", "/apps/7/channels/presence-room/users"));
    assertThat(stub.requests().get(0).query())
        .containsEntry("filter_by_prefix", "presence-")
        .containsEntry("info", "user_count");
    assertThatThrownBy(() -> broadcaster.users(ORDERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a presence channel");
  }

  @Test
  void sendsToAUserThroughTheServerToUserChannelAsPusherDocuments() {
    join(broadcaster.sendToUser("user-42", "notice", "{\"text\":\"hi\"}"));
    join(broadcaster.toUser("user-42").as("notice").withJson("{}").send());
    assertThat(stub.requests())
        .allSatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/apps/7/events");
              assertThat(r.json().get("channels").toString())
                  .isEqualTo("[\"#server-to-user-user-42\"]");
            });
  }

  @Test
  void terminatesAUsersConnectionsWithASignedPost() {
    join(broadcaster.terminateUserConnections("user-42"));
    Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apps/7/users/user-42/terminate_connections");
    assertThat(request.body()).isEqualTo("{}");
    assertThat(request.query()).containsKey("body_md5");
    assertThatThrownBy(() -> broadcaster.terminateUserConnections("../admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pointsAtAPusherClusterOverHttps() {
    assertThat(HttpBroadcaster.builder().cluster("eu").url)
        .hasToString("https://api-eu.pusher.com");
    assertThatThrownBy(() -> HttpBroadcaster.builder().cluster("eu.evil.com/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAUrlWithAPathAndMissingSettings() {
    assertThatThrownBy(() -> HttpBroadcaster.builder().url("http://host:6001/prefix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not have a path");
    assertThatThrownBy(() -> HttpBroadcaster.builder().url("ftp://host"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpBroadcaster.builder().url("http://h").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app(...)");
    assertThatThrownBy(() -> HttpBroadcaster.builder().app("1", "k", "s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url(...)");
  }

  private static List<Channel> channels(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> Channel.publicChannel(prefix + i)).toList();
  }

  private static <T> T join(CompletableFuture<T> future) {
    return future.orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static BroadcastException failure(CompletableFuture<?> future) {
    try {
      join(future);
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(BroadcastException.class);
      return (BroadcastException) e.getCause();
    }
    throw new AssertionError("expected the broadcast to fail");
  }
}
