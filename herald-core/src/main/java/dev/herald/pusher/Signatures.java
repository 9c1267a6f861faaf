package dev.herald.pusher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signatures of the Pusher protocol: channel authorization, user sign-in and the
 * hashing helpers the HTTP API signature needs (protocol reference §1.9, §1.11).
 *
 * <p>All methods are pure, thread-safe and never block. Comparisons of signatures are
 * constant-time, so a caller cannot learn a valid signature byte by byte from response timings.
 */
public final class Signatures {
  private static final HexFormat HEX = HexFormat.of();

  private Signatures() {}

  /** Lower-case hex of {@code HMAC_SHA256(secret, message)}, both taken as UTF-8. */
  public static String hmacSha256Hex(String secret, String message) {
    return HEX.formatHex(hmacSha256(secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code HMAC_SHA256(secret, message)} over raw bytes, e.g. a webhook body. */
  public static byte[] hmacSha256(String secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Whether {@code given} equals {@code expected}, compared in time independent of where they
   * differ. Null or differently sized inputs are simply unequal.
   */
  public static boolean constantTimeEquals(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The string a channel authorization signs: {@code socket_id:channel} for private and encrypted
   * channels, {@code socket_id:channel:channel_data} for presence channels with channel data.
   */
  public static String channelSigningString(String socketId, String channel, String channelData) {
    String base = socketId + ':' + channel;
    return channelData == null ? base : base + ':' + channelData;
  }

  /** The string a user sign-in signs: {@code socket_id::user::user_data}. */
  public static String userSigningString(String socketId, String userData) {
    return socketId + "::user::" + userData;
  }

  /**
   * The {@code auth} value for a channel subscription: {@code key:hex(HMAC_SHA256(secret,
   * socket_id:channel[:channel_data]))}.
   */
  public static String channelAuth(
      String key, String secret, String socketId, String channel, String channelData) {
    return key + ':' + hmacSha256Hex(secret, channelSigningString(socketId, channel, channelData));
  }

  /** The {@code auth} value for a user sign-in. */
  public static String userAuth(String key, String secret, String socketId, String userData) {
    return key + ':' + hmacSha256Hex(secret, userSigningString(socketId, userData));
  }

  /**
   * Checks an {@code auth} value of the form {@code key:signature} against the expected key and the
   * signature of {@code signingString}, in constant time.
   */
  public static boolean verifyAuth(String key, String secret, String signingString, String auth) {
    if (auth == null) {
      return false;
    }
    int colon = auth.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean keyMatches = constantTimeEquals(key, auth.substring(0, colon));
    boolean signatureMatches =
        constantTimeEquals(hmacSha256Hex(secret, signingString), auth.substring(colon + 1));
    return keyMatches & signatureMatches;
  }

  /**
   * The per-channel key of an end-to-end encrypted channel (protocol reference §1.10): {@code
   * SHA256(utf8(channel) || masterKey)}, 32 bytes. Auth responses carry it base64-encoded as {@code
   * shared_secret}; the SDKs encrypt with it (NaCl secretbox).
   */
  public static byte[] encryptedChannelKey(String channel, byte[] masterKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(channel.getBytes(StandardCharsets.UTF_8));
      sha256.update(masterKey);
      return sha256.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Lower-case hex MD5 of {@code body}, as the HTTP API's {@code body_md5} parameter. */
  public static String md5Hex(byte[] body) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available in this JVM", e);
    }
  }
}
