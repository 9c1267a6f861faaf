package dev.herald.redis;

import dev.herald.redis.RedisEnvelope.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads the bytes {@link RedisEnvelope} describes, one field after the other, and says exactly what
 * is wrong when they are not an envelope. One instance per decode; not thread-safe.
 */
final class EnvelopeReader {
  private final byte[] bytes;
  private int position;

  EnvelopeReader(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  RedisEnvelope read() {
    if (bytes.length < 2) {
      throw malformed("it has " + bytes.length + " bytes, fewer than the 2 of version and kind");
    }
    int version = bytes[0] & 0xFF;
    if (version != RedisEnvelope.FORMAT_VERSION) {
      throw malformed(
          "format version "
              + version
              + " is unknown; this Herald reads version "
              + RedisEnvelope.FORMAT_VERSION);
    }
    Kind kind = kind(bytes[1] & 0xFF);
    position = 2;
    String origin = string("origin");
    String appId = string("appId");
    String channel = string("channel");
    String except = string("exceptSocketId");
    try {
      return new RedisEnvelope(
          kind,
          origin,
          appId,
          channel,
          except.isEmpty() ? null : except,
          bytes,
          position,
          bytes.length - position);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
  }

  private static Kind kind(int code) {
    for (Kind kind : Kind.values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw malformed("kind " + code + " is unknown; known are 1 (EVENT) and 2 (TERMINATE)");
  }

  private String string(String field) {
    if (bytes.length - position < 2) {
      throw malformed(
          "it ends after "
              + bytes.length
              + " bytes, in the 2-byte length of "
              + field
              + " that starts at byte "
              + position);
    }
    int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    if (bytes.length - position < length) {
      throw malformed(
          field
              + " has "
              + length
              + " bytes from byte "
              + position
              + ", but only "
              + (bytes.length - position)
              + " are left");
    }
    try {
      String value =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, position, length))
              .toString();
      position += length;
      return value;
    } catch (CharacterCodingException e) {
      throw malformed(field + " at byte " + position + " is not valid UTF-8");
    }
  }

  private static IllegalArgumentException malformed(String reason) {
    return new IllegalArgumentException("not a Herald Redis envelope: " + reason);
  }
}
