package dev.herald.redis;

import dev.herald.pusher.ChannelName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What travels through Redis pub/sub between Herald nodes, and from the library's Redis driver: the
 * one definition of the wire format both sides read.
 *
 * <p>Format, version 1: one byte {@code 1} (the version), one byte kind ({@code 1} event, {@code 2}
 * terminate), then origin, app id, channel and socket id to exclude, each as an unsigned 16-bit
 * big-endian byte length followed by that many UTF-8 bytes (a socket id of length 0 means none),
 * then the payload: every remaining byte.
 *
 * @param kind what it asks the nodes to do
 * @param origin the id of the node that published it, or {@code ""} for the library
 * @param appId the app
 * @param channel the Pusher channel (for {@link Kind#TERMINATE}, the user's {@code
 *     #server-to-user-{id}} channel)
 * @param exceptSocketId the socket that must not receive it, or null
 * @param payload for {@link Kind#EVENT}, the complete Pusher event JSON in UTF-8; else empty
 */
public record RedisEnvelope(
    Kind kind, String origin, String appId, String channel, String exceptSocketId, byte[] payload) {
  static final int VERSION = 1;
  private static final int MAX_FIELD = 0xFFFF;

  /** What an envelope asks the nodes to do. */
  public enum Kind {
    /** Deliver the payload to the channel's subscribers (but the excluded socket). */
    EVENT,
    /** Close every connection signed in as the channel's user. */
    TERMINATE
  }

  public RedisEnvelope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(payload, "payload");
    if (exceptSocketId != null && exceptSocketId.isEmpty()) {
      exceptSocketId = null;
    }
  }

  /** An event for {@code channel}: {@code json} is the complete Pusher event. */
  public static RedisEnvelope event(
      String origin, String appId, String channel, String exceptSocketId, byte[] json) {
    return new RedisEnvelope(Kind.EVENT, origin, appId, channel, exceptSocketId, json);
  }

  /** Closes every connection signed in as {@code userId}, on every node. */
  public static RedisEnvelope terminate(String origin, String appId, String userId) {
    return new RedisEnvelope(
        Kind.TERMINATE, origin, appId, ChannelName.serverToUser(userId), null, new byte[0]);
  }

  /** The user a {@link Kind#TERMINATE} envelope is for. */
  public String userId() {
    String prefix = ChannelName.SERVER_TO_USER_PREFIX;
    return channel.startsWith(prefix) ? channel.substring(prefix.length()) : "";
  }

  /** The envelope's bytes. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + payload.length);
    out.write(VERSION);
    out.write(kind == Kind.EVENT ? 1 : 2);
    write(out, origin, "origin");
    write(out, appId, "appId");
    write(out, channel, "channel");
    write(out, exceptSocketId == null ? "" : exceptSocketId, "exceptSocketId");
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /**
   * Reads an envelope.
   *
   * @throws IllegalArgumentException saying what is wrong when the bytes are not a version 1
   *     envelope
   */
  public static RedisEnvelope decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < 2) {
      throw new IllegalArgumentException(
          "not a Herald envelope: " + bytes.length + " bytes, at least 2 needed");
    }
    if (bytes[0] != VERSION) {
      throw new IllegalArgumentException(
          "unknown Herald envelope version " + (bytes[0] & 0xFF) + "; this node reads " + VERSION);
    }
    Kind kind =
        switch (bytes[1]) {
          case 1 -> Kind.EVENT;
          case 2 -> Kind.TERMINATE;
          default ->
              throw new IllegalArgumentException(
                  "unknown Herald envelope kind " + (bytes[1] & 0xFF));
        };
    int[] at = {2};
    String origin = read(bytes, at, "origin");
    String appId = read(bytes, at, "appId");
    String channel = read(bytes, at, "channel");
    String except = read(bytes, at, "exceptSocketId");
    byte[] payload = new byte[bytes.length - at[0]];
    System.arraycopy(bytes, at[0], payload, 0, payload.length);
    return new RedisEnvelope(kind, origin, appId, channel, except, payload);
  }

  private static void write(ByteArrayOutputStream out, String value, String name) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > MAX_FIELD) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_FIELD + " bytes");
    }
    out.write(utf8.length >>> 8);
    out.write(utf8.length & 0xFF);
    out.writeBytes(utf8);
  }

  private static String read(byte[] bytes, int[] at, String name) {
    if (at[0] + 2 > bytes.length) {
      throw new IllegalArgumentException("truncated Herald envelope: no length for " + name);
    }
    int length = ((bytes[at[0]] & 0xFF) << 8) | (bytes[at[0] + 1] & 0xFF);
    at[0] += 2;
    if (at[0] + length > bytes.length) {
      throw new IllegalArgumentException(
          "truncated Herald envelope: "
              + name
              + " needs "
              + length
              + " bytes, "
              + (bytes.length - at[0])
              + " left");
    }
    String value = new String(bytes, at[0], length, StandardCharsets.UTF_8);
    at[0] += length;
    return value;
  }
}
