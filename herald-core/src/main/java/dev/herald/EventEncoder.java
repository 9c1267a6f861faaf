package dev.herald;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Broadcast} into the {@link WireEvent}s a driver sends: it checks the payload
 * against the limit, then encrypts the data separately for each {@code private-encrypted-} channel
 * (protocol reference §1.10). Plain channels stay together in one wire event.
 *
 * <p>Drivers that send to a server (HTTP, embedded) use it so that the rules are the same
 * everywhere. Thread-safe; never blocks.
 */
public final class EventEncoder {
  private final int maxPayloadBytes;
  private final EncryptionMasterKey masterKey;

  /**
   * @param maxPayloadBytes the largest {@code data}, in UTF-8 bytes, before and after encryption
   * @param masterKey the encryption master key, or empty when encrypted channels are not used
   */
  public EventEncoder(int maxPayloadBytes, Optional<EncryptionMasterKey> masterKey) {
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "maxPayloadBytes must be positive, was " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.masterKey = masterKey.orElse(null);
  }

  /** The configured payload limit. */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /**
   * The wire events of a broadcast: first one for all plain channels (if any), then one per
   * encrypted channel.
   *
   * @throws IllegalArgumentException when the data is over the limit (before or after encryption),
   *     or there is an encrypted channel and no master key
   */
  public List<WireEvent> encode(Broadcast broadcast) {
    broadcast.requireDataWithin(maxPayloadBytes);
    List<Channel> plain = new ArrayList<>();
    List<WireEvent> encrypted = new ArrayList<>();
    for (Channel channel : broadcast.channels()) {
      if (!channel.isEncrypted()) {
        plain.add(channel);
        continue;
      }
      if (masterKey == null) {
        throw new IllegalArgumentException(
            "event '"
                + broadcast.name()
                + "' goes to the encrypted channel '"
                + channel.name()
                + "', and no encryption master key is configured");
      }
      String data = masterKey.encrypt(channel.name(), broadcast.data());
      int bytes = data.length(); // base64 and JSON punctuation: one byte per character
      if (bytes > maxPayloadBytes) {
        throw new IllegalArgumentException(
            "event '"
                + broadcast.name()
                + "' has "
                + broadcast.dataBytes()
                + " bytes of data, "
                + bytes
                + " once encrypted for '"
                + channel.name()
                + "'; the limit is "
                + maxPayloadBytes
                + " bytes");
      }
      encrypted.add(new WireEvent(List.of(channel), broadcast.name(), data, broadcast.socketId()));
    }
    List<WireEvent> result = new ArrayList<>(encrypted.size() + 1);
    if (!plain.isEmpty()) {
      result.add(new WireEvent(plain, broadcast.name(), broadcast.data(), broadcast.socketId()));
    }
    result.addAll(encrypted);
    return result;
  }
}
