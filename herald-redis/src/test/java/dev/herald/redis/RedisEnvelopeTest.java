package dev.herald.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.pusher.PusherJson;
import dev.herald.redis.RedisEnvelope.Kind;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedisEnvelopeTest {
  private static final byte[] JSON =
      PusherJson.channelEvent("order.shipped", "orders", "{\"id\":42}", null);

  @Test
  void anEventSurvivesARoundTripWithEveryField() {
    RedisEnvelope sent = RedisEnvelope.event("node-1", "app-1", "orders", "123.456", JSON);

    RedisEnvelope received = RedisEnvelope.decode(sent.encode());

    assertThat(received).isEqualTo(sent);
    assertThat(received.kind()).isEqualTo(Kind.EVENT);
    assertThat(received.origin()).isEqualTo("node-1");
    assertThat(received.appId()).isEqualTo("app-1");
    assertThat(received.channel()).isEqualTo("orders");
    assertThat(received.exceptSocketId()).isEqualTo("123.456");
    assertThat(received.payload()).isEqualTo(JSON);
    assertThat(received.payloadLength()).isEqualTo(JSON.length);
  }

  @Test
  void aMissingSocketIdIsWrittenAsAnEmptyFieldAndReadBackAsNull() {
    RedisEnvelope sent = RedisEnvelope.event("", "app-1", "orders", null, JSON);
    byte[] bytes = sent.encode();

    assertThat(RedisEnvelope.decode(bytes).exceptSocketId()).isNull();
    assertThat(RedisEnvelope.decode(bytes).origin()).isEmpty();
    // version, kind, "" origin, "app-1", "orders", "" socket id, then the JSON
    assertThat(bytes).hasSize(2 + 2 + 2 + 5 + 2 + 6 + 2 + JSON.length);
  }

  @Test
  void nonAsciiFieldsAndPayloadKeepEveryCharacter() {
    byte[] json = "{\"event\":\"grüße\",\"data\":\"日本語 ✓ 😀\"}".getBytes(UTF_8);
    RedisEnvelope sent = RedisEnvelope.event("nöde-ß", "äpp-日本", "orders", null, json);

    RedisEnvelope received = RedisEnvelope.decode(sent.encode());

    assertThat(received.origin()).isEqualTo("nöde-ß");
    assertThat(received.appId()).isEqualTo("äpp-日本");
    assertThat(new String(received.payload(), UTF_8)).contains("日本語 ✓ 😀").contains("grüße");
  }

  @Test
  void writesTheDocumentedBytes() {
    byte[] bytes = RedisEnvelope.event("n", "a", "c", "1.2", new byte[] {'{', '}'}).encode();

    assertThat(bytes)
        .containsExactly(1, 1, 0, 1, 'n', 0, 1, 'a', 0, 1, 'c', 0, 3, '1', '.', '2', '{', '}');
  }

  @Test
  void aTerminateNamesTheUsersChannelAndHasNoPayload() {
    RedisEnvelope sent = RedisEnvelope.terminate("", "app-1", "user-42");

    RedisEnvelope received = RedisEnvelope.decode(sent.encode());

    assertThat(received.kind()).isEqualTo(Kind.TERMINATE);
    assertThat(received.channel()).isEqualTo("#server-to-user-user-42");
    assertThat(received.userId()).isEqualTo("user-42");
    assertThat(received.payload()).isEmpty();
    assertThat(received.encode()[1]).isEqualTo((byte) 2);
  }

  @Test
  void exposesThePayloadOfADecodedEnvelopeWithoutCopying() {
    byte[] bytes = RedisEnvelope.event("", "app-1", "orders", null, JSON).encode();

    ByteBuffer view = RedisEnvelope.decode(bytes).payloadBuffer();

    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.remaining()).isEqualTo(JSON.length);
    byte[] read = new byte[view.remaining()];
    view.get(read);
    assertThat(read).isEqualTo(JSON);
    bytes[bytes.length - 1] = 'X'; // a view over the caller's array
    assertThat(RedisEnvelope.decode(bytes).payloadBuffer().get(JSON.length - 1))
        .isEqualTo((byte) 'X');
  }

  @Test
  void copiesThePayloadItIsGiven() {
    byte[] json = JSON.clone();
    RedisEnvelope envelope = RedisEnvelope.event("", "app-1", "orders", null, json);
    json[0] = 'X';

    assertThat(envelope.payload()).isEqualTo(JSON);
  }

  @Test
  void userIdIsOnlyForAUsersChannel() {
    assertThatThrownBy(() -> RedisEnvelope.event("", "app-1", "orders", null, JSON).userId())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'orders' is not a #server-to-user- channel");
    assertThat(RedisEnvelope.event("", "a", "#server-to-user-7", null, JSON).userId())
        .isEqualTo("7");
  }

  @Test
  void refusesFieldsThatCannotBeRepresented() {
    assertThatThrownBy(() -> RedisEnvelope.event("", "", "orders", null, JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appId is empty");
    assertThatThrownBy(() -> RedisEnvelope.event("", "app", "", null, JSON))
        .hasMessage("channel is empty");
    assertThatThrownBy(() -> RedisEnvelope.event("", "app", "orders", "", JSON))
        .hasMessageContaining("exceptSocketId is empty");
    assertThatThrownBy(() -> RedisEnvelope.terminate("", "app", "")).hasMessage("userId is empty");
    String huge = "x".repeat(RedisEnvelope.MAX_FIELD_BYTES + 1);
    assertThatThrownBy(() -> RedisEnvelope.event(huge, "app", "orders", null, JSON).encode())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin has 65536 UTF-8 bytes; the limit is 65535");
  }

  @Test
  void aFieldOfExactlyTheLongestLengthSurvives() {
    String longest = "é".repeat(RedisEnvelope.MAX_FIELD_BYTES / 2) + "x";
    RedisEnvelope sent = RedisEnvelope.event(longest, "app", "orders", null, JSON);

    assertThat(RedisEnvelope.decode(sent.encode()).origin()).isEqualTo(longest);
  }

  @Test
  void everyTruncationOfAnEnvelopeIsRefusedSayingWhere() {
    byte[] whole = RedisEnvelope.event("n", "app", "orders", "1.2", new byte[0]).encode();
    for (int length = 0; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> RedisEnvelope.decode(cut))
          .as("cut to %d bytes", length)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a Herald Redis envelope: ");
    }
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1}))
        .hasMessage(
            "not a Herald Redis envelope: it has 1 bytes, fewer than the 2 of version and kind");
    assertThatThrownBy(() -> RedisEnvelope.decode(Arrays.copyOf(whole, 5)))
        .hasMessage(
            "not a Herald Redis envelope: it ends after 5 bytes, in the 2-byte length of"
                + " appId that starts at byte 5");
    assertThatThrownBy(() -> RedisEnvelope.decode(Arrays.copyOf(whole, 8)))
        .hasMessage(
            "not a Herald Redis envelope: appId has 3 bytes from byte 7, but only 1 are left");
  }

  @Test
  void refusesAnUnknownVersionOrKind() {
    byte[] bytes = RedisEnvelope.event("", "app", "orders", null, JSON).encode();
    bytes[0] = 2;
    assertThatThrownBy(() -> RedisEnvelope.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a Herald Redis envelope: format version 2 is unknown; this Herald reads version 1");
    bytes[0] = 1;
    bytes[1] = (byte) 200;
    assertThatThrownBy(() -> RedisEnvelope.decode(bytes))
        .hasMessage(
            "not a Herald Redis envelope: kind 200 is unknown; known are 1 (EVENT) and 2"
                + " (TERMINATE)");
  }

  @Test
  void refusesGarbageSuchAsPlainJson() {
    assertThatThrownBy(() -> RedisEnvelope.decode(JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a Herald Redis envelope: format version 123 is unknown; this Herald reads"
                + " version 1");
  }

  @Test
  void refusesMalformedUtf8() {
    byte[] bytes = {1, 1, 0, 0, 0, 2, (byte) 0xC3, (byte) 0x28, 0, 1, 'c', 0, 0};
    assertThatThrownBy(() -> RedisEnvelope.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Herald Redis envelope: appId at byte 6 is not valid UTF-8");
  }

  @Test
  void refusesEmptyRequiredFieldsAndATerminateThatIsNotForAUser() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1, 1, 0, 0, 0, 0, 0, 1, 'c', 0, 0}))
        .hasMessage("not a Herald Redis envelope: appId is empty");
    assertThatThrownBy(
            () -> RedisEnvelope.decode(new byte[] {1, 2, 0, 0, 0, 1, 'a', 0, 1, 'c', 0, 0}))
        .hasMessage(
            "not a Herald Redis envelope: a TERMINATE envelope goes to a #server-to-user- channel,"
                + " not 'c'");
    byte[] terminate = RedisEnvelope.terminate("", "a", "7").encode();
    byte[] withPayload = Arrays.copyOf(terminate, terminate.length + 1);
    assertThatThrownBy(() -> RedisEnvelope.decode(withPayload))
        .hasMessage(
            "not a Herald Redis envelope: a TERMINATE envelope has no payload, this one has 1"
                + " bytes");
  }

  @Test
  void describesItselfWithoutThePayload() {
    assertThat(RedisEnvelope.event("n", "app", "orders", null, JSON).toString())
        .isEqualTo(
            "EVENT[origin=n, appId=app, channel=orders, exceptSocketId=null, payload="
                + JSON.length
                + " bytes]");
  }
}
