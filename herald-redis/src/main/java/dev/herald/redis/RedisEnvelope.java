package dev.herald.redis;

import dev.herald.pusher.ChannelName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What travels through Redis pub/sub between Herald nodes, and from the app side ({@link
 * RedisBroadcaster}) to the nodes: the one definition of the message, its fields and its bytes.
 *
 * <p>Kinds: {@link Kind#EVENT} carries a channel event for the subscribers of {@link #channel()} on
 * every node, its {@link #payload()} the complete Pusher event JSON {@code
 * {"event","channel","data"}} in UTF-8, exactly as {@code PusherJson.channelEvent(name, channel,
 * data, null)} writes it, so a node frames it without re-encoding. {@link Kind#TERMINATE} asks
 * every node to close the connections signed in as a user (protocol reference §1.7); its channel is
 * the user's {@code #server-to-user-{userId}} and its payload is empty.
 *
 * <p><b>Bytes</b> (format version 1), all lengths unsigned 16-bit big-endian:
 *
 * <pre>
 * 1 byte   format version: 1
 * 1 byte   kind: 1 EVENT, 2 TERMINATE
 * 2 bytes  length of origin,  then origin in UTF-8 (the publishing node's id; empty from the library)
 * 2 bytes  length of appId,   then appId in UTF-8 (never empty)
 * 2 bytes  length of channel, then channel in UTF-8 (never empty)
 * 2 bytes  length of exceptSocketId, then it in UTF-8; length 0 means none (socket ids are never empty)
 * the rest: the payload
 * </pre>
 *
 * <p>Immutable and thread-safe: the payload is copied in, and {@link #payload()} copies it out;
 * {@link #payloadBuffer()} is a read-only view without a copy.
 */
public final class RedisEnvelope {
  /** The format version this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The longest string field, in UTF-8 bytes: its length must fit 2 bytes. */
  public static final int MAX_FIELD_BYTES = 0xFFFF;

  /** What an envelope asks the nodes to do. */
  public enum Kind {
    /** Deliver the payload to the local subscribers of the channel. */
    EVENT(1),
    /** Close every connection signed in as the channel's user. */
    TERMINATE(2);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  private final Kind kind;
  private final String origin;
  private final String appId;
  private final String channel;
  private final String exceptSocketId;
  private final byte[] bytes;
  private final int payloadOffset;
  private final int payloadLength;

  RedisEnvelope(
      Kind kind,
      String origin,
      String appId,
      String channel,
      String exceptSocketId,
      byte[] bytes,
      int payloadOffset,
      int payloadLength) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.appId = requireNonEmpty(appId, "appId");
    this.channel = requireNonEmpty(channel, "channel");
    if (exceptSocketId != null && exceptSocketId.isEmpty()) {
      throw new IllegalArgumentException("exceptSocketId is empty; use null for none");
    }
    this.exceptSocketId = exceptSocketId;
    if (kind == Kind.TERMINATE && !ChannelName.isServerToUser(channel)) {
      throw new IllegalArgumentException(
          "a TERMINATE envelope goes to a #server-to-user- channel, not '" + channel + "'");
    }
    if (kind == Kind.TERMINATE && payloadLength != 0) {
      throw new IllegalArgumentException(
          "a TERMINATE envelope has no payload, this one has " + payloadLength + " bytes");
    }
    this.bytes = bytes;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
  }

  /**
   * An event for the subscribers of {@code channel}.
   *
   * @param origin the publishing node's id, or {@code ""} when the library publishes
   * @param exceptSocketId the socket that must not receive it, or null
   * @param eventJson the complete Pusher event JSON in UTF-8; copied
   * @throws IllegalArgumentException when appId or channel is empty, or exceptSocketId is empty
   */
  public static RedisEnvelope event(
      String origin, String appId, String channel, String exceptSocketId, byte[] eventJson) {
    byte[] copy = eventJson.clone();
    return new RedisEnvelope(
        Kind.EVENT, origin, appId, channel, exceptSocketId, copy, 0, copy.length);
  }

  /**
   * Asks every node to close the connections signed in as {@code userId}: a {@link Kind#TERMINATE}
   * envelope on the user's {@code #server-to-user-{userId}} channel.
   *
   * @param origin the publishing node's id, or {@code ""} when the library publishes
   * @throws IllegalArgumentException when appId or userId is empty
   */
  public static RedisEnvelope terminate(String origin, String appId, String userId) {
    requireNonEmpty(userId, "userId");
    return new RedisEnvelope(
        Kind.TERMINATE, origin, appId, ChannelName.serverToUser(userId), null, new byte[0], 0, 0);
  }

  /**
   * Reads an envelope from its bytes. The payload is not copied: the envelope keeps {@code bytes},
   * so the caller must not change them afterwards.
   *
   * @throws IllegalArgumentException saying what is wrong: an unknown version or kind, a field
   *     longer than what is left, malformed UTF-8, an empty app id or channel
   */
  public static RedisEnvelope decode(byte[] bytes) {
    return new EnvelopeReader(bytes).read();
  }

  /**
   * The bytes described in the class comment.
   *
   * @throws IllegalArgumentException when a string field is longer than {@value #MAX_FIELD_BYTES}
   *     UTF-8 bytes
   */
  public byte[] encode() {
    byte[][] fields = {utf8(origin, "origin"), utf8(appId, "appId"), utf8(channel, "channel")};
    byte[] except = exceptSocketId == null ? new byte[0] : utf8(exceptSocketId, "exceptSocketId");
    ByteBuffer out =
        ByteBuffer.allocate(
            2
                + 8
                + fields[0].length
                + fields[1].length
                + fields[2].length
                + except.length
                + payloadLength);
    out.put((byte) FORMAT_VERSION).put((byte) kind.code);
    for (byte[] field : fields) {
      out.putShort((short) field.length).put(field);
    }
    out.putShort((short) except.length).put(except);
    out.put(bytes, payloadOffset, payloadLength);
    return out.array();
  }

  /** What the envelope asks for. */
  public Kind kind() {
    return kind;
  }

  /** The id of the node that published it, or {@code ""} when the library did. */
  public String origin() {
    return origin;
  }

  /** The app the event belongs to. */
  public String appId() {
    return appId;
  }

  /** The Pusher channel, e.g. {@code private-orders.42} or {@code #server-to-user-42}. */
  public String channel() {
    return channel;
  }

  /** The socket that must not receive the event, or null for none. */
  public String exceptSocketId() {
    return exceptSocketId;
  }

  /**
   * The user of a {@code #server-to-user-{userId}} channel: the user a TERMINATE envelope names.
   *
   * @throws IllegalStateException when the channel is not a user's channel
   */
  public String userId() {
    if (!ChannelName.isServerToUser(channel)) {
      throw new IllegalStateException("'" + channel + "' is not a #server-to-user- channel");
    }
    return channel.substring(ChannelName.SERVER_TO_USER_PREFIX.length());
  }

  /** A copy of the payload: the event JSON for EVENT, empty for TERMINATE. */
  public byte[] payload() {
    return Arrays.copyOfRange(bytes, payloadOffset, payloadOffset + payloadLength);
  }

  /** The payload as a read-only view, without copying (e.g. to wrap in a network buffer). */
  public ByteBuffer payloadBuffer() {
    return ByteBuffer.wrap(bytes, payloadOffset, payloadLength).slice().asReadOnlyBuffer();
  }

  /** The payload's size in bytes. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Equal kind, fields and payload bytes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RedisEnvelope that
        && kind == that.kind
        && origin.equals(that.origin)
        && appId.equals(that.appId)
        && channel.equals(that.channel)
        && Objects.equals(exceptSocketId, that.exceptSocketId)
        && payloadBuffer().equals(that.payloadBuffer());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, origin, appId, channel, exceptSocketId, payloadBuffer());
  }

  /** The fields and the payload's size (not its content, which may be private). */
  @Override
  public String toString() {
    return kind
        + "[origin="
        + origin
        + ", appId="
        + appId
        + ", channel="
        + channel
        + ", exceptSocketId="
        + exceptSocketId
        + ", payload="
        + payloadLength
        + " bytes]";
  }

  private static String requireNonEmpty(String value, String name) {
    if (Objects.requireNonNull(value, name).isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return value;
  }

  private static byte[] utf8(String value, String name) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw new IllegalArgumentException(
          name + " has " + bytes.length + " UTF-8 bytes; the limit is " + MAX_FIELD_BYTES);
    }
    return bytes;
  }
}
