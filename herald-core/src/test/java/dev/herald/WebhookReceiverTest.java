package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import dev.herald.WebhookVerificationException.Reason;
import dev.herald.pusher.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";
  private static final String OLD_SECRET = "0123456789abcdef0123";
  private static final String BODY =
      "{\"time_ms\":1700000000123,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"orders\"}]}";

  private final WebhookReceiver receiver = new WebhookReceiver(KEY, SECRET);

  private static String sign(String secret, String body) {
    return HexFormat.of()
        .formatHex(Signatures.hmacSha256(secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void acceptsABodySignedWithTheAppSecretAndReadsIt() {
    WebhookBatch batch = receiver.verify(KEY, sign(SECRET, BODY), bytes(BODY));

    assertThat(batch.timeMs()).isEqualTo(1700000000123L);
    assertThat(batch.time().toEpochMilli()).isEqualTo(1700000000123L);
    assertThat(batch.events()).containsExactly(new WebhookEvent.ChannelOccupied("orders"));
  }

  @Test
  void agreesWithPusherHttpJavaOnWhatIsValid() {
    Pusher pusher = new Pusher("1", KEY, SECRET);
    String signature = sign(SECRET, BODY);
    String tampered = BODY.replace("orders", "orderz");

    assertThat(pusher.validateWebhookSignature(KEY, signature, BODY)).isEqualTo(Validity.VALID);
    assertThat(receiver.verify(KEY, signature, bytes(BODY)).events()).hasSize(1);

    assertThat(pusher.validateWebhookSignature(KEY, signature, tampered))
        .isEqualTo(Validity.INVALID);
    assertThatThrownBy(() -> receiver.verify(KEY, signature, bytes(tampered)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));

    assertThat(pusher.validateWebhookSignature("other-key", signature, BODY))
        .isEqualTo(Validity.SIGNED_WITH_WRONG_KEY);
    assertThatThrownBy(() -> receiver.verify("other-key", signature, bytes(BODY)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void rejectsABadSignatureWithAClearMessageThatRevealsNoSecret() {
    String expected = sign(SECRET, BODY);

    assertThatThrownBy(() -> receiver.verify(KEY, sign("wrong-secret", BODY), bytes(BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("X-Pusher-Signature does not match")
        .hasMessageContaining("raw body")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(expected);
  }

  @Test
  void rejectsMissingHeaders() {
    assertThatThrownBy(() -> receiver.verify(null, sign(SECRET, BODY), bytes(BODY)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
              assertThat(e).hasMessageContaining("X-Pusher-Key");
            });
    assertThatThrownBy(() -> receiver.verify(KEY, "", bytes(BODY)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
              assertThat(e).hasMessageContaining("X-Pusher-Signature");
            });
  }

  @Test
  void acceptsEverySecretOfARotation() {
    WebhookReceiver rotating = new WebhookReceiver(KEY, List.of(SECRET, OLD_SECRET));

    assertThat(rotating.verify(KEY, sign(SECRET, BODY), bytes(BODY)).events()).hasSize(1);
    assertThat(rotating.verify(KEY, sign(OLD_SECRET, BODY), bytes(BODY)).events()).hasSize(1);
    assertThatThrownBy(() -> receiver.verify(KEY, sign(OLD_SECRET, BODY), bytes(BODY)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(rotating.toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET);
  }

  @Test
  void acceptsAnUpperCaseHexSignature() {
    assertThat(receiver.verify(KEY, sign(SECRET, BODY).toUpperCase(), bytes(BODY)).events())
        .hasSize(1);
  }

  @Test
  void reportsAMalformedBodyOnlyAfterItsSignatureIsValid() {
    String notJson = "{\"time_ms\":";

    assertThatThrownBy(() -> receiver.verify(KEY, sign("wrong", notJson), bytes(notJson)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> receiver.verify(KEY, sign(SECRET, notJson), bytes(notJson)))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY);
              assertThat(e).hasMessageContaining("not JSON");
            });
  }

  @Test
  void refusesAnIncompleteConfiguration() {
    assertThatThrownBy(() -> new WebhookReceiver("", SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookReceiver(KEY, (String) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookReceiver(KEY, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookReceiver(KEY, List.of(SECRET, "")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
