package dev.herald.pusher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The JSON envelope of the Pusher protocol (protocol reference §1.2): {@code {"event", "channel"?,
 * "data"?, "user_id"?}}, and the field names of the frames built from it. The one place that knows
 * Pusher field names; thread-safe.
 *
 * <p>Channel events and most {@code pusher:} events carry {@code data} as a JSON <em>string</em>;
 * {@code pusher:error}, {@code pusher:ping} and {@code pusher:pong} carry an object, as documented.
 */
public final class PusherJson {
  public static final String EVENT = "event";
  public static final String CHANNEL = "channel";
  public static final String DATA = "data";
  public static final String USER_ID = "user_id";
  public static final String USER_INFO = "user_info";
  public static final String AUTH = "auth";
  public static final String CHANNEL_DATA = "channel_data";
  public static final String SHARED_SECRET = "shared_secret";
  public static final String SOCKET_ID = "socket_id";
  public static final String WATCHLIST = "watchlist";

  public static final String CONNECTION_ESTABLISHED = "pusher:connection_established";
  public static final String ERROR = "pusher:error";
  public static final String PING = "pusher:ping";
  public static final String PONG = "pusher:pong";
  public static final String SUBSCRIBE = "pusher:subscribe";
  public static final String UNSUBSCRIBE = "pusher:unsubscribe";
  public static final String SUBSCRIPTION_ERROR = "pusher:subscription_error";
  public static final String SUBSCRIPTION_SUCCEEDED = "pusher_internal:subscription_succeeded";
  public static final String MEMBER_ADDED = "pusher_internal:member_added";
  public static final String MEMBER_REMOVED = "pusher_internal:member_removed";
  public static final String CLIENT_EVENT_PREFIX = "client-";
  public static final String SIGNIN = "pusher:signin";
  public static final String SIGNIN_SUCCESS = "pusher:signin_success";
  public static final String USER_DATA = "user_data";
  public static final String CACHE_MISS = "pusher:cache_miss";
  public static final String SUBSCRIPTION_COUNT = "pusher_internal:subscription_count";
  public static final String WATCHLIST_EVENTS = "pusher_internal:watchlist_events";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PusherJson() {}

  /** The shared mapper: configured once, safe to use from any thread. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A channel event as delivered to subscribers, {@code data} as a JSON string, {@code user_id}
   * only when given (client events on presence channels). Returned as UTF-8 bytes, ready to frame.
   */
  public static byte[] channelEvent(String event, String channel, String data, String userId) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, event);
    node.put(CHANNEL, channel);
    node.put(DATA, data);
    if (userId != null) {
      node.put(USER_ID, userId);
    }
    return bytes(node);
  }

  /** {@code pusher:connection_established} with its string-encoded data. */
  public static String connectionEstablished(String socketId, int activityTimeoutSeconds) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("socket_id", socketId);
    data.put("activity_timeout", activityTimeoutSeconds);
    return envelope(CONNECTION_ESTABLISHED, null, string(data));
  }

  /** {@code pusher:error} with an object {@code data}; a null code is written as JSON null. */
  public static String error(Integer code, String message) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("code", code);
    data.put("message", message);
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, ERROR);
    node.set(DATA, data);
    return string(node);
  }

  /** {@code pusher:ping} or {@code pusher:pong}, with an empty object as data. */
  public static String heartbeat(String event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, event);
    node.set(DATA, MAPPER.createObjectNode());
    return string(node);
  }

  /** {@code pusher_internal:subscription_succeeded} for a non-presence channel. */
  public static String subscriptionSucceeded(String channel) {
    return envelope(SUBSCRIPTION_SUCCEEDED, channel, "{}");
  }

  /**
   * {@code pusher:subscription_error} for {@code channel}, the shape pusher-js emits for failed
   * authorization ({@code type}, {@code error}, {@code status}), so Echo's {@code .error()} fires.
   */
  public static String subscriptionError(String channel, String type, String error, int status) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("type", type);
    data.put("error", error);
    data.put("status", status);
    return envelope(SUBSCRIPTION_ERROR, channel, string(data));
  }

  /**
   * {@code pusher_internal:subscription_succeeded} for a presence channel: {@code {"presence":
   * {"ids", "hash", "count"}}}, string-encoded, from the members in join order.
   */
  public static String presenceSucceeded(String channel, Map<String, JsonNode> members) {
    ObjectNode presence = MAPPER.createObjectNode();
    ArrayNode ids = presence.putArray("ids");
    ObjectNode hash = presence.putObject("hash");
    members.forEach(
        (userId, info) -> {
          ids.add(userId);
          hash.set(userId, info);
        });
    presence.put("count", members.size());
    ObjectNode data = MAPPER.createObjectNode();
    data.set("presence", presence);
    return envelope(SUBSCRIPTION_SUCCEEDED, channel, string(data));
  }

  /** {@code pusher_internal:member_added}; {@code user_info} only when there is one. */
  public static byte[] memberAdded(String channel, String userId, JsonNode userInfo) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put(USER_ID, userId);
    if (userInfo != null) {
      data.set(USER_INFO, userInfo);
    }
    return bytes(envelopeNode(MEMBER_ADDED, channel, string(data)));
  }

  /** {@code pusher_internal:member_removed}. */
  public static byte[] memberRemoved(String channel, String userId) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put(USER_ID, userId);
    return bytes(envelopeNode(MEMBER_REMOVED, channel, string(data)));
  }

  /**
   * A client event as relayed to the other subscribers: {@code data} exactly as the sender gave it
   * (object or string), plus {@code user_id} on presence channels.
   */
  public static byte[] clientEvent(String event, String channel, JsonNode data, String userId) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, event);
    node.put(CHANNEL, channel);
    if (data != null) {
      node.set(DATA, data);
    }
    if (userId != null) {
      node.put(USER_ID, userId);
    }
    return bytes(node);
  }

  /**
   * {@code pusher:signin_success} with the signed {@code user_data}, as an object (as documented).
   */
  public static String signinSuccess(String userData) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put(USER_DATA, userData);
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, SIGNIN_SUCCESS);
    node.set(DATA, data);
    return string(node);
  }

  /**
   * {@code pusher:cache_miss} for a cache channel with nothing cached. Pusher documents no data; it
   * carries {@code "{}"} because pusher-java-client's {@code PusherEvent.getData()} throws on an
   * event without data, and pusher-js hands {@code {}} to the callback, which is harmless.
   */
  public static String cacheMiss(String channel) {
    return envelope(CACHE_MISS, channel, "{}");
  }

  /** {@code pusher_internal:subscription_count} with {@code {"subscription_count": N}}. */
  public static byte[] subscriptionCount(String channel, int count) {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("subscription_count", count);
    return bytes(envelopeNode(SUBSCRIPTION_COUNT, channel, string(data)));
  }

  /**
   * {@code pusher_internal:watchlist_events}: {@code {"events": [{"name": "online"|"offline",
   * "user_ids": […]}]}}, string-encoded, the wire format pusher-js reads; empty lists are left out.
   */
  public static String watchlistEvents(
      java.util.Collection<String> online, java.util.Collection<String> offline) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode events = data.putArray("events");
    if (!online.isEmpty()) {
      ObjectNode entry = events.addObject().put("name", "online");
      online.forEach(entry.putArray("user_ids")::add);
    }
    if (!offline.isEmpty()) {
      ObjectNode entry = events.addObject().put("name", "offline");
      offline.forEach(entry.putArray("user_ids")::add);
    }
    return envelope(WATCHLIST_EVENTS, null, string(data));
  }

  /** An event whose {@code data} is given as an already encoded JSON string. */
  public static String envelope(String event, String channel, String data) {
    return string(envelopeNode(event, channel, data));
  }

  private static ObjectNode envelopeNode(String event, String channel, String data) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(EVENT, event);
    if (channel != null) {
      node.put(CHANNEL, channel);
    }
    if (data != null) {
      node.put(DATA, data);
    }
    return node;
  }

  /** Serializes a tree to a compact JSON string. */
  public static String string(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
