package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.SecretBox;
import dev.herald.pusher.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's encryption master key for end-to-end encrypted channels (protocol reference §1.10): 32
 * random bytes, configured as base64 (generate one with {@code openssl rand -base64 32}). Each
 * {@code private-encrypted-} channel gets its own key, {@code SHA256(channel name ‖ master key)};
 * events are sealed with NaCl secretbox under a fresh random 24-byte nonce, exactly as the Pusher
 * server SDKs do, so pusher-js and the mobile clients decrypt them. The same master key must sign
 * the channel authorizations ({@link #sharedSecret(String)} is the {@code shared_secret} they
 * carry).
 *
 * <p>Thread-safe. The key never appears in {@link #toString()} or in any message.
 */
public final class EncryptionMasterKey {
  private static final int NONCE_BYTES = SecretBox.NONCE_BYTES;
  private static final String NONCE = "nonce";
  private static final String CIPHERTEXT = "ciphertext";

  private final byte[] key;
  private final SecureRandom random;

  private EncryptionMasterKey(byte[] key, SecureRandom random) {
    this.key = key;
    this.random = random;
  }

  /**
   * Reads a base64 master key.
   *
   * @throws IllegalArgumentException when it is not base64 of exactly 32 bytes (the message does
   *     not repeat the value)
   */
  public static EncryptionMasterKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the encryption master key is not valid base64");
    }
    return of(bytes);
  }

  /**
   * A master key from its 32 bytes (copied).
   *
   * @throws IllegalArgumentException when it is not 32 bytes long
   */
  public static EncryptionMasterKey of(byte[] bytes) {
    if (bytes.length != SecretBox.KEY_BYTES) {
      throw new IllegalArgumentException(
          "the encryption master key must be "
              + SecretBox.KEY_BYTES
              + " bytes (44 characters of base64), was "
              + bytes.length
              + " bytes");
    }
    return new EncryptionMasterKey(bytes.clone(), new SecureRandom());
  }

  /** The 32-byte key of one channel: {@code SHA256(utf8(channel) ‖ master key)}. */
  public byte[] channelKey(String channel) {
    return Signatures.encryptedChannelKey(channel, key);
  }

  /**
   * The channel key as base64: the {@code shared_secret} of an encrypted channel's auth response.
   */
  public String sharedSecret(String channel) {
    return Base64.getEncoder().encodeToString(channelKey(channel));
  }

  /**
   * Encrypts an event's data for one channel: {@code {"nonce": base64, "ciphertext": base64}}, as a
   * JSON string to send as the event's {@code data}. Every call uses a new random nonce.
   */
  public String encrypt(String channel, String data) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return encrypt(channel, data, nonce);
  }

  /** As {@link #encrypt(String, String)} with a given nonce: for test vectors only. */
  String encrypt(String channel, String data, byte[] nonce) {
    byte[] box = SecretBox.seal(channelKey(channel), nonce, data.getBytes(StandardCharsets.UTF_8));
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put(NONCE, Base64.getEncoder().encodeToString(nonce));
    node.put(CIPHERTEXT, Base64.getEncoder().encodeToString(box));
    return PusherJson.string(node);
  }

  /**
   * Decrypts data made by {@link #encrypt(String, String)} (or any Pusher SDK) for {@code channel}.
   *
   * @return the plaintext, or empty when the data is not an encrypted payload or was not sealed for
   *     this channel with this master key
   */
  public Optional<String> decrypt(String channel, String encryptedData) {
    try {
      JsonNode node = PusherJson.mapper().readTree(encryptedData);
      byte[] nonce = Base64.getDecoder().decode(node.path(NONCE).asText());
      byte[] box = Base64.getDecoder().decode(node.path(CIPHERTEXT).asText());
      if (nonce.length != NONCE_BYTES) {
        return Optional.empty();
      }
      return SecretBox.open(channelKey(channel), nonce, box)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "EncryptionMasterKey[hidden]";
  }
}
