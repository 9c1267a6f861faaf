package dev.herald.pusher;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305), the cipher of end-to-end encrypted channels
 * (protocol reference §1.10), built from BouncyCastle's primitives. The output is the 16-byte
 * Poly1305 tag followed by the ciphertext, exactly what tweetnacl's {@code nacl.secretbox} and
 * libsodium's {@code crypto_secretbox_easy} produce and what the Pusher clients open.
 *
 * <p>Construction (NaCl): the first 32 bytes of the XSalsa20 keystream for (key, nonce) are the
 * one-time Poly1305 key; the message is encrypted with the keystream that follows; the tag covers
 * the ciphertext. Pure and thread-safe; never blocks.
 */
public final class SecretBox {
  /** Key length in bytes. */
  public static final int KEY_BYTES = 32;

  /** Nonce length in bytes. */
  public static final int NONCE_BYTES = 24;

  /** Length of the authentication tag that precedes the ciphertext. */
  public static final int TAG_BYTES = 16;

  private SecretBox() {}

  /**
   * Encrypts and authenticates {@code message}.
   *
   * @return tag (16 bytes) followed by the ciphertext (as long as the message)
   * @throws IllegalArgumentException when the key is not 32 bytes or the nonce not 24
   */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
    XSalsa20Engine stream = stream(key, nonce);
    byte[] macKey = keystream(stream, KEY_BYTES);
    byte[] box = new byte[TAG_BYTES + message.length];
    stream.processBytes(message, 0, message.length, box, TAG_BYTES);
    byte[] tag = tag(macKey, box, TAG_BYTES, message.length);
    System.arraycopy(tag, 0, box, 0, TAG_BYTES);
    return box;
  }

  /**
   * Verifies and decrypts a box made by {@link #seal}. The tag is checked in constant time before
   * anything is decrypted.
   *
   * @return the message, or empty when the box is too short or was not sealed with this key and
   *     nonce (tampered, wrong key)
   * @throws IllegalArgumentException when the key is not 32 bytes or the nonce not 24
   */
  public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
    XSalsa20Engine stream = stream(key, nonce);
    if (box.length < TAG_BYTES) {
      return Optional.empty();
    }
    byte[] macKey = keystream(stream, KEY_BYTES);
    byte[] expected = tag(macKey, box, TAG_BYTES, box.length - TAG_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, TAG_BYTES))) {
      return Optional.empty();
    }
    byte[] message = new byte[box.length - TAG_BYTES];
    stream.processBytes(box, TAG_BYTES, message.length, message, 0);
    return Optional.of(message);
  }

  private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a secretbox key must be " + KEY_BYTES + " bytes");
    }
    if (nonce == null || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("a secretbox nonce must be " + NONCE_BYTES + " bytes");
    }
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  private static byte[] keystream(XSalsa20Engine stream, int length) {
    byte[] out = new byte[length];
    stream.processBytes(new byte[length], 0, length, out, 0);
    return out;
  }

  private static byte[] tag(byte[] macKey, byte[] data, int offset, int length) {
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(macKey));
    mac.update(data, offset, length);
    byte[] tag = new byte[TAG_BYTES];
    mac.doFinal(tag, 0);
    Arrays.fill(macKey, (byte) 0);
    return tag;
  }
}
