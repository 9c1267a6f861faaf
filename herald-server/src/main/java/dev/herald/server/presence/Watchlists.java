package dev.herald.server.presence;

import dev.herald.pusher.PusherJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The watchlist's wire (protocol reference §1.7): a watcher listens to the internal channel {@code
 * #watchers-{id}} of each user it watches, and an online/offline change is published there, so it
 * reaches every watcher on every node through the broker, as any event does.
 */
public final class Watchlists {
  private Watchlists() {}

  /** The internal channel on which the watchers of {@code userId} hear of its changes. */
  public static String channel(String userId) {
    return "#watchers-" + userId;
  }

  /** {@code pusher_internal:watchlist_events} saying that {@code userId} went online or offline. */
  public static byte[] change(String userId, boolean online) {
    List<String> ids = List.of(userId);
    String json =
        online
            ? PusherJson.watchlistEvents(ids, List.of())
            : PusherJson.watchlistEvents(List.of(), ids);
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
