package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PusherTextTest {
  @Test
  void readsTheCodeOfAPusherErrorWhoseDataIsAnObject() {
    String text =
        "{\"event\":\"pusher:error\",\"data\":{\"code\":4100,\"message\":\"Over capacity\"}}";
    assertThat(PusherText.errorCode(text)).isEqualTo(4100);
  }

  @Test
  void readsTheCodeOfAPusherErrorWhoseDataIsAString() {
    String text =
        "{\"event\":\"pusher:error\",\"data\":\"{\\\"code\\\": 4201,\\\"message\\\":\\\"x\\\"}\"}";
    assertThat(PusherText.errorCode(text)).isEqualTo(4201);
  }

  @Test
  void aFrameWithoutACodeHasNone() {
    assertThat(PusherText.errorCode("{\"event\":\"pusher:error\",\"data\":{}}")).isEqualTo(-1);
  }

  @Test
  void readsAStringUserIdFromTheEscapedDataOfMemberAdded() {
    String text =
        "{\"event\":\"pusher_internal:member_added\",\"channel\":\"presence-room-3\","
            + "\"data\":\"{\\\"user_id\\\":\\\"u123\\\",\\\"user_info\\\":{\\\"name\\\":\\\"user"
            + " 123\\\"}}\"}";
    assertThat(PusherText.userId(text)).isEqualTo("u123");
  }

  @Test
  void readsANumericUserIdAndAPlainEnvelopeField() {
    assertThat(PusherText.userId("{\"data\":\"{\\\"user_id\\\":42}\"}")).isEqualTo("42");
    assertThat(PusherText.userId("{\"user_id\": \"7\"}")).isEqualTo("7");
  }

  @Test
  void anObjectValueOrAMissingFieldIsNull() {
    assertThat(PusherText.userId("{\"user_id\":{\"a\":1}}")).isNull();
    assertThat(PusherText.userId("{\"event\":\"x\"}")).isNull();
  }
}
