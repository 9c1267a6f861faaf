package dev.herald;

import dev.herald.pusher.ChannelType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code POST /events} request of a trigger (protocol reference §1.11): the body and how to
 * name the request in an error. A trigger's wire events are split so that each request has at most
 * the API's channel limit, and each encrypted channel its own request. Immutable.
 *
 * @param body the JSON body
 * @param description e.g. {@code request 2 of 3 (channels 101-200)} or {@code request for x}
 */
record TriggerRequest(byte[] body, String description) {
  /** The requests for these wire events: plain channels in chunks, one per encrypted channel. */
  static List<TriggerRequest> plan(
      List<WireEvent> events, Set<ChannelAttribute> info, int maxChannelsPerRequest) {
    List<TriggerRequest> requests = new ArrayList<>();
    int total = 0;
    for (WireEvent event : events) {
      total += (event.channels().size() + maxChannelsPerRequest - 1) / maxChannelsPerRequest;
    }
    for (WireEvent event : events) {
      List<List<Channel>> chunks = Chunks.of(event.channels(), maxChannelsPerRequest);
      for (int i = 0; i < chunks.size(); i++) {
        List<Channel> chunk = chunks.get(i);
        WireEvent part = new WireEvent(chunk, event.name(), event.data(), event.socketId());
        String which =
            chunk.size() == 1
                ? "request for " + chunk.get(0)
                : "request "
                    + (requests.size() + 1)
                    + " of "
                    + total
                    + " (channels "
                    + (i * maxChannelsPerRequest + 1)
                    + "-"
                    + (i * maxChannelsPerRequest + chunk.size())
                    + ")";
        requests.add(new TriggerRequest(EventBodies.trigger(part, applicable(info, chunk)), which));
      }
    }
    return requests;
  }

  private static Set<ChannelAttribute> applicable(Set<ChannelAttribute> info, List<Channel> chunk) {
    if (!info.contains(ChannelAttribute.USER_COUNT)
        || chunk.stream().anyMatch(c -> c.type() == ChannelType.PRESENCE)) {
      return info;
    }
    Set<ChannelAttribute> without = EnumSet.copyOf(info);
    without.remove(ChannelAttribute.USER_COUNT);
    return without;
  }
}
