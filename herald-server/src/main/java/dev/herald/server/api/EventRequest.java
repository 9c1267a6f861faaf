package dev.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.ChannelAttribute;
import dev.herald.pusher.SocketId;
import dev.herald.server.app.AppLimits;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One validated event to trigger (§1.11 {@code POST /events}, one item of {@code /batch_events}).
 *
 * <p>Rules: {@code name} a non-empty string of at most {@code maxEventNameLength} characters;
 * {@code data} a string (Pusher's SDKs JSON-encode objects before sending) of at most {@code
 * maxEventPayloadBytes} UTF-8 bytes, else 413; exactly one of {@code channel} and {@code channels}
 * ({@code channel} only in a batch), {@code channels} a non-empty array of at most {@code
 * maxChannelsPerEvent} valid names (repeats are sent once); {@code socket_id} optional, {@code
 * digits.digits}; {@code info} an optional comma list of {@code user_count} and {@code
 * subscription_count}, where {@code user_count} is answered for the presence channels among the
 * event's channels and is a 400 when there is none. Unknown fields are ignored; JSON null reads as
 * absent for the optional fields.
 *
 * @param name the event name
 * @param data the event data, delivered as-is
 * @param channels the distinct target channels, in request order
 * @param socketId the socket to exclude, or null
 * @param info the attributes to answer with, possibly none
 */
record EventRequest(
    String name, String data, List<String> channels, String socketId, Set<ChannelAttribute> info) {
  static final String NAME = "name";
  static final String DATA = "data";
  static final String CHANNEL = "channel";
  static final String CHANNELS = "channels";
  static final String SOCKET_ID = "socket_id";

  /**
   * Validates one event object.
   *
   * @param prefix how the object is named in error messages, "" for the body or {@code batch[3].}
   * @param batchItem whether this is a batch item, which has exactly one {@code channel}
   */
  static EventRequest parse(ObjectNode node, String prefix, AppLimits limits, boolean batchItem) {
    String name = JsonBodies.requiredString(node, prefix, NAME);
    if (name.isEmpty()) {
      throw ApiException.badRequest("Field '" + prefix + NAME + "' must not be empty");
    }
    if (name.length() > limits.maxEventNameLength()) {
      throw ApiException.badRequest(
          "Field '"
              + prefix
              + NAME
              + "' is "
              + name.length()
              + " characters long; the limit is "
              + limits.maxEventNameLength());
    }
    String data = JsonBodies.requiredString(node, prefix, DATA);
    int bytes = data.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxEventPayloadBytes()) {
      throw new ApiException(
          413,
          "Field '"
              + prefix
              + DATA
              + "' is "
              + bytes
              + " bytes; the limit is "
              + limits.maxEventPayloadBytes()
              + " bytes");
    }
    List<String> channels =
        batchItem ? List.of(batchChannel(node, prefix)) : channels(node, prefix, limits);
    String socketId = JsonBodies.optionalString(node, prefix, SOCKET_ID);
    if (socketId != null && !SocketId.isValid(socketId)) {
      throw ApiException.badRequest(
          "Field '"
              + prefix
              + SOCKET_ID
              + "' is not a socket id: '"
              + ApiException.printable(socketId)
              + "'; expected digits.digits, such as 1234.5678");
    }
    String infoField = prefix + InfoParameter.NAME;
    Set<ChannelAttribute> info =
        InfoParameter.parse(JsonBodies.optionalString(node, prefix, InfoParameter.NAME), infoField);
    if (info.contains(ChannelAttribute.CACHE)) {
      throw ApiException.badRequest(
          "Field '" + infoField + "' asks for cache, which only GET /channels/{channel} answers");
    }
    if (info.contains(ChannelAttribute.USER_COUNT)
        && channels.stream().noneMatch(ChannelInfo::isPresence)) {
      throw ApiException.badRequest(
          "Field '"
              + infoField
              + "' asks for user_count, which only presence channels have, and no channel of"
              + " this event is a presence channel");
    }
    return new EventRequest(name, data, channels, socketId, info);
  }

  private static String batchChannel(ObjectNode node, String prefix) {
    if (node.has(CHANNELS)) {
      throw ApiException.badRequest(
          "Field '"
              + prefix
              + CHANNELS
              + "' is not allowed in a batch: each batch event has one 'channel'");
    }
    String channel = JsonBodies.requiredString(node, prefix, CHANNEL);
    return ChannelInfo.requireValidTarget(channel, prefix + CHANNEL);
  }

  private static List<String> channels(ObjectNode node, String prefix, AppLimits limits) {
    boolean one = node.has(CHANNEL);
    boolean many = node.has(CHANNELS);
    if (one && many) {
      throw ApiException.badRequest(
          "Send either '" + prefix + CHANNEL + "' or '" + prefix + CHANNELS + "', not both");
    }
    if (one) {
      String channel = JsonBodies.requiredString(node, prefix, CHANNEL);
      return List.of(ChannelInfo.requireValidTarget(channel, prefix + CHANNEL));
    }
    if (!many) {
      throw ApiException.badRequest(
          "Missing required field '" + prefix + CHANNELS + "' (or '" + prefix + CHANNEL + "')");
    }
    ArrayNode array = JsonBodies.requiredArray(node, prefix, CHANNELS);
    if (array.isEmpty()) {
      throw ApiException.badRequest("Field '" + prefix + CHANNELS + "' must not be empty");
    }
    if (array.size() > limits.maxChannelsPerEvent()) {
      throw ApiException.badRequest(
          "Field '"
              + prefix
              + CHANNELS
              + "' has "
              + array.size()
              + " channels; the limit is "
              + limits.maxChannelsPerEvent());
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String where = prefix + CHANNELS + "[" + i + "]";
      JsonNode item = array.get(i);
      result.add(ChannelInfo.requireValidTarget(JsonBodies.string(item, where), where));
    }
    return List.copyOf(result);
  }
}
