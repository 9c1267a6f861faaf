package dev.herald;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON bodies of {@code POST /events} and {@code POST /batch_events} (protocol reference
 * §1.11). Fields are written in the order pusher-http-java writes them, so identical events give
 * identical bodies (and {@code body_md5}). Thread-safe.
 */
final class EventBodies {
  private EventBodies() {}

  /** {@code {"channels": [...], "name", "data", "socket_id"?, "info"?}}. */
  static byte[] trigger(WireEvent event, Set<ChannelAttribute> info) {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    ArrayNode channels = body.putArray("channels");
    event.channelNames().forEach(channels::add);
    body.put("name", event.name());
    body.put(PusherJson.DATA, event.data());
    if (event.socketId() != null) {
      body.put("socket_id", event.socketId());
    }
    if (!info.isEmpty()) {
      body.put("info", info(info));
    }
    return bytes(body);
  }

  /** {@code {"batch": [{"channel", "name", "data", "socket_id"?}, …]}}: one channel per item. */
  static byte[] batch(List<WireEvent> items) {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    ArrayNode batch = body.putArray("batch");
    for (WireEvent item : items) {
      ObjectNode node = batch.addObject();
      node.put(PusherJson.CHANNEL, item.channelNames().get(0));
      node.put("name", item.name());
      node.put(PusherJson.DATA, item.data());
      if (item.socketId() != null) {
        node.put("socket_id", item.socketId());
      }
    }
    return bytes(body);
  }

  /** The {@code info} parameter: attribute names joined by commas. */
  static String info(Set<ChannelAttribute> info) {
    return info.stream().map(ChannelAttribute::field).collect(Collectors.joining(","));
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return PusherJson.mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
