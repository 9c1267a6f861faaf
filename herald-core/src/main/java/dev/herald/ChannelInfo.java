package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * What the HTTP API reports about a channel (protocol reference §1.11). The counts are present only
 * when asked for (and {@code user_count} only for presence channels). Immutable.
 *
 * @param occupied whether the channel has subscribers; listed channels are always occupied
 * @param userCount distinct users of a presence channel, when asked for
 * @param subscriptionCount subscribed connections, when asked for
 */
public record ChannelInfo(boolean occupied, OptionalInt userCount, OptionalInt subscriptionCount) {
  /** Reads the API's JSON object; {@code occupied} defaults to {@code occupiedByDefault}. */
  static ChannelInfo fromJson(JsonNode node, boolean occupiedByDefault) {
    return new ChannelInfo(
        node.path("occupied").asBoolean(occupiedByDefault),
        count(node, ChannelAttribute.USER_COUNT),
        count(node, ChannelAttribute.SUBSCRIPTION_COUNT));
  }

  private static OptionalInt count(JsonNode node, ChannelAttribute attribute) {
    JsonNode value = node.get(attribute.field());
    return value != null && value.canConvertToInt()
        ? OptionalInt.of(value.intValue())
        : OptionalInt.empty();
  }
}
