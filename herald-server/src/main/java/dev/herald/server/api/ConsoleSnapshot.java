package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /console/api/apps/{app_id}}: one app's state for the console page, from the cluster's
 * stores (channels, counts, presence members) and this node's counters (connections, messages).
 * Bounded: at most {@value #MAX_CHANNELS} channels and {@value #MAX_MEMBERS} members per channel,
 * with the totals. Never contains the app secret. Thread-safe; never blocks.
 */
final class ConsoleSnapshot {
  static final int MAX_CHANNELS = 200;
  static final int MAX_MEMBERS = 50;

  private final OccupancyStore occupancy;
  private final PresenceStore presence;
  private final DebugConsole console;
  private final Clock clock;

  ConsoleSnapshot(
      OccupancyStore occupancy, PresenceStore presence, DebugConsole console, Clock clock) {
    this.occupancy = occupancy;
    this.presence = presence;
    this.console = console;
    this.clock = clock;
  }

  CompletableFuture<ApiResponse> of(App app) {
    return occupancy
        .channels(app.id())
        .thenCompose(
            occupied -> {
              List<Map.Entry<String, Integer>> shown =
                  occupied.entrySet().stream()
                      .filter(e -> !e.getKey().startsWith("#"))
                      .limit(MAX_CHANNELS)
                      .toList();
              List<CompletableFuture<List<Member>>> members = new ArrayList<>();
              for (Map.Entry<String, Integer> entry : shown) {
                members.add(
                    ChannelInfo.isPresence(entry.getKey())
                        ? presence.members(app.id(), entry.getKey())
                        : CompletableFuture.completedFuture(List.of()));
              }
              return Answers.all(members)
                  .thenApply(lists -> ApiResponse.ok(body(app, occupied.size(), shown, lists)));
            });
  }

  private ObjectNode body(
      App app, int total, List<Map.Entry<String, Integer>> shown, List<List<Member>> members) {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    body.put("app_id", app.id()).put("time", clock.millis());
    body.put("connections", console.connections().applyAsInt(app.id()));
    body.putObject("messages")
        .put("received", console.received().applyAsLong(app.id()))
        .put("delivered", console.delivered().applyAsLong(app.id()));
    body.put("channels_total", total);
    ArrayNode channels = body.putArray("channels");
    for (int i = 0; i < shown.size(); i++) {
      String name = shown.get(i).getKey();
      ObjectNode channel = channels.addObject();
      channel.put("name", name).put("subscription_count", shown.get(i).getValue());
      if (ChannelInfo.isPresence(name)) {
        List<Member> users = members.get(i);
        channel.put("user_count", users.size());
        ArrayNode listed = channel.putArray("members");
        for (Member member : users.subList(0, Math.min(users.size(), MAX_MEMBERS))) {
          ObjectNode m = listed.addObject().put(PusherJson.USER_ID, member.userId());
          if (member.userInfo() != null) {
            m.set(PusherJson.USER_INFO, member.userInfo());
          }
        }
      }
    }
    return body;
  }
}
