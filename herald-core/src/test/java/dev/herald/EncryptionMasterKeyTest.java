package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Encrypted-channel payloads as the Pusher SDKs make them (protocol reference §1.10). */
class EncryptionMasterKeyTest {
  private static final String MASTER_BASE64 = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
  private static final EncryptionMasterKey KEY = EncryptionMasterKey.fromBase64(MASTER_BASE64);
  private static final String CHANNEL = "private-encrypted-orders";

  /**
   * Computed with Node: {@code sha256(channel ‖ master)} as the key and tweetnacl-js 1.0.3 {@code
   * nacl.secretbox} with the nonce 0x09 × 24, as pusher-http-node's {@code encrypt} does.
   */
  @Test
  void encryptsExactlyAsPusherHttpNodeWithTweetnacl() throws Exception {
    byte[] nonce = new byte[24];
    Arrays.fill(nonce, (byte) 9);
    String data = KEY.encrypt(CHANNEL, "{\"id\":42,\"status\":\"shipped\"}", nonce);
    JsonNode node = PusherJson.mapper().readTree(data);
    assertThat(node.get("nonce").asText()).isEqualTo("CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJ");
    assertThat(node.get("ciphertext").asText())
        .isEqualTo("x/CadKRujthbyN8GA2OgoQ47zmOZEAFfT++5rvbcA4LmUGU6p8BwBhLRQG0=");
    assertThat(KEY.channelKey(CHANNEL))
        .isEqualTo(
            java.util.HexFormat.of()
                .parseHex("2d2a209750f5ff9f1026fd5e25704ba47b14055d47bcb165d414f9897062e9a0"));
  }

  @Test
  void usesAFreshNonceForEveryEvent() {
    assertThat(KEY.encrypt(CHANNEL, "{}")).isNotEqualTo(KEY.encrypt(CHANNEL, "{}"));
  }

  @Test
  void decryptsOnlyWithTheSameChannelAndMasterKey() {
    String data = KEY.encrypt(CHANNEL, "{\"secret\":true}");
    assertThat(KEY.decrypt(CHANNEL, data)).contains("{\"secret\":true}");
    assertThat(KEY.decrypt("private-encrypted-other", data)).isEmpty();
    EncryptionMasterKey other = EncryptionMasterKey.of(new byte[32]);
    assertThat(other.decrypt(CHANNEL, data)).isEmpty();
    assertThat(KEY.decrypt(CHANNEL, "not json")).isEmpty();
  }

  @Test
  void agreesWithPusherHttpJavaOnKeysAndPayloadsBothWays() {
    CryptoUtil theirs = new CryptoUtil(MASTER_BASE64);
    assertThat(Base64.getDecoder().decode(theirs.generateBase64EncodedSharedSecret(CHANNEL)))
        .isEqualTo(KEY.channelKey(CHANNEL));
    String plaintext = "{\"message\":\"héllo 🚚\"}";

    JsonNode ours = read(KEY.encrypt(CHANNEL, plaintext));
    EncryptedMessage message =
        new EncryptedMessage(ours.get("nonce").asText(), ours.get("ciphertext").asText());
    assertThat(theirs.decrypt(CHANNEL, message)).isEqualTo(plaintext);

    EncryptedMessage theirMessage =
        theirs.encrypt(CHANNEL, plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String theirData =
        "{\"nonce\":\""
            + theirMessage.getNonce()
            + "\",\"ciphertext\":\""
            + theirMessage.getCiphertext()
            + "\"}";
    assertThat(KEY.decrypt(CHANNEL, theirData)).contains(plaintext);
  }

  @Test
  void givesTheSharedSecretThatChannelAuthorizationsCarry() {
    assertThat(Base64.getDecoder().decode(KEY.sharedSecret(CHANNEL)))
        .isEqualTo(
            Signatures.encryptedChannelKey(CHANNEL, Base64.getDecoder().decode(MASTER_BASE64)));
  }

  @Test
  void refusesKeysThatAreNotThirtyTwoBytesOfBase64WithoutRepeatingThem() {
    assertThatThrownBy(() -> EncryptionMasterKey.fromBase64("c2VjcmV0LXZhbHVl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("c2VjcmV0LXZhbHVl");
    assertThatThrownBy(() -> EncryptionMasterKey.fromBase64("not base64 at all!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("not base64 at all!");
  }

  @Test
  void neverShowsTheKeyInToString() {
    assertThat(KEY.toString()).doesNotContain(MASTER_BASE64).contains("hidden");
  }

  private static JsonNode read(String json) {
    try {
      return PusherJson.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
