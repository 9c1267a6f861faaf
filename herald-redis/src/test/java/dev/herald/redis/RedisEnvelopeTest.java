package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.redis.RedisEnvelope.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedisEnvelopeTest {
  private static final byte[] JSON =
      "{\"event\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}".getBytes(StandardCharsets.UTF_8);

  private static RedisEnvelope roundTrip(RedisEnvelope envelope) {
    return RedisEnvelope.decode(envelope.encode());
  }

  private static void assertSame(RedisEnvelope actual, RedisEnvelope expected) {
    assertThat(actual.kind()).isEqualTo(expected.kind());
    assertThat(actual.origin()).isEqualTo(expected.origin());
    assertThat(actual.appId()).isEqualTo(expected.appId());
    assertThat(actual.channel()).isEqualTo(expected.channel());
    assertThat(actual.exceptSocketId()).isEqualTo(expected.exceptSocketId());
    assertThat(actual.payload()).isEqualTo(expected.payload());
  }

  @Test
  void anEventRoundTripsWithEveryField() {
    RedisEnvelope event = RedisEnvelope.event("node-1", "app-1", "private-orders", "123.456", JSON);

    RedisEnvelope decoded = roundTrip(event);

    assertSame(decoded, event);
    assertThat(decoded.kind()).isEqualTo(Kind.EVENT);
    assertThat(decoded.exceptSocketId()).isEqualTo("123.456");
  }

  @Test
  void aMissingSocketIdRoundTripsAsNull() {
    RedisEnvelope decoded = roundTrip(RedisEnvelope.event("node-1", "1", "orders", null, JSON));

    assertThat(decoded.exceptSocketId()).isNull();
  }

  @Test
  void anEmptySocketIdMeansNone() {
    RedisEnvelope envelope = RedisEnvelope.event("node-1", "1", "orders", "", JSON);

    assertThat(envelope.exceptSocketId()).isNull();
    assertThat(roundTrip(envelope).exceptSocketId()).isNull();
  }

  @Test
  void theLibraryOriginIsEmptyAndRoundTrips() {
    RedisEnvelope decoded = roundTrip(RedisEnvelope.event("", "1", "orders", null, JSON));

    assertThat(decoded.origin()).isEmpty();
  }

  @Test
  void nonAsciiFieldsAndPayloadRoundTripByteForByte() {
    byte[] payload = "{\"data\":\"grüße 日本 🚀\"}".getBytes(StandardCharsets.UTF_8);
    RedisEnvelope event =
        RedisEnvelope.event("nœud-é", "app-ü", "presence-日本;@=,.", "1.2", payload);

    RedisEnvelope decoded = roundTrip(event);

    assertSame(decoded, event);
  }

  @Test
  void fieldLengthsCountUtf8BytesNotCharacters() {
    byte[] bytes = RedisEnvelope.event("é", "1", "c", null, new byte[0]).encode();

    // version, kind, then the origin's length: "é" is two bytes in UTF-8.
    assertThat(Arrays.copyOfRange(bytes, 0, 4)).containsExactly(1, 1, 0, 2);
  }

  @Test
  void anEmptyPayloadRoundTrips() {
    RedisEnvelope decoded = roundTrip(RedisEnvelope.event("n", "1", "c", "9.9", new byte[0]));

    assertThat(decoded.payload()).isEmpty();
    assertThat(decoded.exceptSocketId()).isEqualTo("9.9");
  }

  @Test
  void aTerminateRoundTripsAndNamesItsUser() {
    RedisEnvelope terminate = RedisEnvelope.terminate("node-1", "app-1", "user-42");

    RedisEnvelope decoded = roundTrip(terminate);

    assertSame(decoded, terminate);
    assertThat(decoded.kind()).isEqualTo(Kind.TERMINATE);
    assertThat(decoded.channel()).isEqualTo("#server-to-user-user-42");
    assertThat(decoded.userId()).isEqualTo("user-42");
    assertThat(decoded.payload()).isEmpty();
    assertThat(decoded.exceptSocketId()).isNull();
  }

  @Test
  void anEventOnAnOrdinaryChannelHasNoUser() {
    assertThat(RedisEnvelope.event("n", "1", "orders", null, JSON).userId()).isEmpty();
  }

  @Test
  void theFormatStartsWithVersionOneAndTheKind() {
    assertThat(RedisEnvelope.event("n", "1", "c", null, JSON).encode()).startsWith(1, 1);
    assertThat(RedisEnvelope.terminate("n", "1", "u").encode()).startsWith(1, 2);
  }

  @Test
  void refusesAFieldLongerThanSixtyFourKilobytes() {
    String channel = "c".repeat(0x10000);

    assertThatThrownBy(() -> RedisEnvelope.event("n", "1", channel, null, JSON).encode())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel")
        .hasMessageContaining("65535");
  }

  @Test
  void aFieldOfExactlySixtyFourKilobytesMinusOneRoundTrips() {
    String channel = "c".repeat(0xFFFF);

    assertThat(roundTrip(RedisEnvelope.event("n", "1", channel, null, JSON)).channel())
        .isEqualTo(channel);
  }

  @Test
  void refusesNoBytes() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Herald envelope: 0 bytes, at least 2 needed");
  }

  @Test
  void refusesASingleByte() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Herald envelope: 1 bytes, at least 2 needed");
  }

  @Test
  void refusesAnUnknownVersion() {
    byte[] bytes = RedisEnvelope.event("n", "1", "c", null, JSON).encode();
    bytes[0] = 2;

    assertThatThrownBy(() -> RedisEnvelope.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown Herald envelope version 2; this node reads 1");
  }

  @Test
  void reportsAVersionAboveOneHundredTwentySevenAsUnsigned() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {(byte) 0xFF, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 255");
  }

  @Test
  void refusesPlainTextSuchAsAForeignPublisherSends() {
    assertThatThrownBy(
            () -> RedisEnvelope.decode("{\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown Herald envelope version 123");
  }

  @Test
  void refusesAnUnknownKind() {
    for (int kind : new int[] {0, 3, 0xFF}) {
      byte[] bytes = RedisEnvelope.event("n", "1", "c", null, JSON).encode();
      bytes[1] = (byte) kind;

      assertThatThrownBy(() -> RedisEnvelope.decode(bytes))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown Herald envelope kind " + kind);
    }
  }

  @Test
  void refusesAMissingFieldLength() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: no length for origin");
  }

  @Test
  void refusesAHalfFieldLength() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1, 1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: no length for origin");
  }

  @Test
  void refusesAFieldShorterThanItsLength() {
    assertThatThrownBy(() -> RedisEnvelope.decode(new byte[] {1, 1, 0, 5, 'a', 'b'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: origin needs 5 bytes, 2 left");
  }

  @Test
  void namesTheTruncatedFieldWhereverItIs() {
    byte[] whole = RedisEnvelope.event("node", "app", "channel", "1.2", JSON).encode();
    // Header (2) + origin (2 + 4) + appId (2 + 3) + channel length (2) + 3 of its 7 bytes.
    byte[] cutInChannel = Arrays.copyOf(whole, 2 + 6 + 5 + 2 + 3);
    byte[] noSocketLength = Arrays.copyOf(whole, 2 + 6 + 5 + 9);
    byte[] cutInSocket = Arrays.copyOf(whole, 2 + 6 + 5 + 9 + 3);

    assertThatThrownBy(() -> RedisEnvelope.decode(cutInChannel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: channel needs 7 bytes, 3 left");
    assertThatThrownBy(() -> RedisEnvelope.decode(noSocketLength))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: no length for exceptSocketId");
    assertThatThrownBy(() -> RedisEnvelope.decode(cutInSocket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated Herald envelope: exceptSocketId needs 3 bytes, 1 left");
  }

  @Test
  void everyTruncationOfAnEnvelopeIsRefusedOrLosesOnlyPayload() {
    RedisEnvelope event = RedisEnvelope.event("node", "app", "channel", "1.2", JSON);
    byte[] whole = event.encode();
    int header = whole.length - JSON.length;

    for (int length = 0; length < header; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> RedisEnvelope.decode(cut))
          .as("%d of %d bytes", length, whole.length)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageMatching("(not a Herald envelope|truncated Herald envelope): .+");
    }
    // The payload is every remaining byte: cutting into it cannot be detected.
    assertThat(RedisEnvelope.decode(Arrays.copyOf(whole, header)).payload()).isEmpty();
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> RedisEnvelope.decode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bytes");
  }

  @Test
  void readsAnEnvelopeWrittenByHandAsTheFormatDescribes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(1);
    for (String field : new String[] {"lib", "7", "news", ""}) {
      byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
      out.write(0);
      out.write(utf8.length);
      out.writeBytes(utf8);
    }
    out.writeBytes(JSON);

    RedisEnvelope decoded = RedisEnvelope.decode(out.toByteArray());

    assertSame(decoded, RedisEnvelope.event("lib", "7", "news", null, JSON));
  }
}
