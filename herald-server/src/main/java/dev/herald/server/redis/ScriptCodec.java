package dev.herald.server.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.redis.Counter.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calling convention of the cluster's Lua scripts, in one place: each script's arguments are a
 * record with named fields, turned here into the positional {@code KEYS} and {@code ARGV} the
 * script reads (its header lists the same slots), and each answer, a flat list from Redis, is
 * turned back into a record. Pure (no Redis), so unit tests pin the slots; {@link LuaScripts} runs
 * the calls.
 */
final class ScriptCodec {
  private ScriptCodec() {}

  /** A script's {@code KEYS} and {@code ARGV}, in slot order. */
  record ScriptCall(List<String> keys, List<String> argv) {
    ScriptCall {
      keys = List.copyOf(keys);
      argv = List.copyOf(argv);
    }

    String[] keysArray() {
      return keys.toArray(String[]::new);
    }

    String[] argvArray() {
      return argv.toArray(String[]::new);
    }
  }

  /**
   * count.lua: adds {@code delta} to one counter for this node, in its ledger too.
   *
   * @param ledgerKey this node's ledger hash
   * @param entry the counter and its hashes
   * @param delta what to add (negative to take away)
   * @param info the info kept with a new field while it is counted, or null for none
   * @param max the most fields the counts hash may hold before a new one is refused (0: no limit)
   * @param withInfos whether to answer the whole infos hash too
   * @param departureMarker this node's id when departures are marked for the webhooks' comeback
   *     delay, else empty
   */
  record CountArgs(
      String ledgerKey,
      LedgerEntry entry,
      int delta,
      String info,
      int max,
      boolean withInfos,
      String departureMarker) {}

  /**
   * One share a node says it has, for sync.lua.
   *
   * @param entry the counter and its hashes
   * @param count the node's count
   * @param info the node's info of the counter, or empty
   */
  record DesiredShare(LedgerEntry entry, int count, String info) {}

  /**
   * sync.lua: makes a node's shares in Redis what it says they are (or nothing, for a dead node).
   *
   * @param ledgerKey the ledger of the node synced
   * @param nodesKey the sorted set of live nodes
   * @param reapedKey the tombstone of the node synced
   * @param desired the node's shares (empty to take a dead node's share out)
   * @param deadNodeId the dead node to remove, or empty when a live node syncs itself
   * @param nodeTimeoutMillis a dead node that beat within this long is left alone
   * @param departureMarker the calling node's id when departures are marked, else empty
   */
  record SyncArgs(
      String ledgerKey,
      String nodesKey,
      String reapedKey,
      List<DesiredShare> desired,
      String deadNodeId,
      long nodeTimeoutMillis,
      String departureMarker) {}

  /**
   * departure.lua: whether a departure held for the comeback delay is still due.
   *
   * @param heldKey the held-departure key
   * @param nodeId the node that holds it
   */
  record DepartureArgs(String heldKey, String nodeId) {}

  /**
   * heartbeat.lua: records a node's beat on Redis's clock.
   *
   * @param nodesKey the sorted set of live nodes
   * @param reapedKey the node's tombstone
   * @param nodeId the node that beats
   * @param nodeTimeoutMillis how long since their last beat other nodes count as dead
   */
  record BeatArgs(String nodesKey, String reapedKey, String nodeId, long nodeTimeoutMillis) {}

  /**
   * heartbeat.lua's answer.
   *
   * @param known whether the node was in the live set (false: first beat, Redis lost its data, or
   *     the node was taken for dead)
   * @param reaped whether other nodes removed it as dead
   * @param deadNodeIds the nodes whose last beat is older than the timeout
   */
  record Beat(boolean known, boolean reaped, List<String> deadNodeIds) {}

  static ScriptCall encode(CountArgs args) {
    LedgerEntry entry = args.entry();
    return new ScriptCall(
        List.of(args.ledgerKey(), entry.countsKey(), entry.infosKey()),
        List.of(
            entry.field(),
            Integer.toString(args.delta()),
            args.info() == null ? "" : args.info(),
            Integer.toString(args.max()),
            args.withInfos() ? "1" : "0",
            entry.kind().name(),
            entry.appId(),
            entry.channel(),
            args.departureMarker()));
  }

  /** count.lua's answer: {@code {before, after, infos as a flat list, comeback}}. */
  static Change decodeChange(List<Object> answer) {
    Map<String, String> infos = new LinkedHashMap<>();
    if (answer.size() > 2 && answer.get(2) instanceof List<?> flat) {
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        infos.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
      }
    }
    boolean comeback = answer.size() > 3 && toInt(answer.get(3)) == 1;
    return new Change(toInt(answer.get(0)), toInt(answer.get(1)), infos, comeback);
  }

  static ScriptCall encode(SyncArgs args) {
    List<List<Object>> desired = new ArrayList<>();
    for (DesiredShare share : args.desired()) {
      LedgerEntry e = share.entry();
      desired.add(
          List.of(
              e.countsKey(),
              e.field(),
              e.infosKey(),
              e.kind().name(),
              e.appId(),
              e.channel(),
              share.count(),
              share.info()));
    }
    return new ScriptCall(
        List.of(args.ledgerKey(), args.nodesKey(), args.reapedKey()),
        List.of(
            json(desired),
            args.deadNodeId(),
            Long.toString(args.nodeTimeoutMillis()),
            args.departureMarker()));
  }

  /**
   * sync.lua's answer: a flat list of {@code entry, before, after, info, comeback} per counter that
   * crossed zero, {@code entry} being the ledger field (the JSON of a {@link LedgerEntry}). Every
   * transition is {@code announced}; the ledger tells which are not.
   */
  static List<Transition> decodeTransitions(List<Object> flat) {
    List<Transition> result = new ArrayList<>();
    for (int i = 0; i + 4 < flat.size(); i += 5) {
      result.add(
          new Transition(
              decodeEntry(String.valueOf(flat.get(i))).counter(),
              toInt(flat.get(i + 1)),
              toInt(flat.get(i + 2)),
              String.valueOf(flat.get(i + 3)),
              true,
              toInt(flat.get(i + 4)) == 1));
    }
    return result;
  }

  /**
   * A ledger field, the JSON list count.lua encodes: the six components of a {@link LedgerEntry}.
   */
  static LedgerEntry decodeEntry(String json) {
    JsonNode e = parse(json);
    return new LedgerEntry(
        e.get(0).asText(),
        e.get(1).asText(),
        e.get(2).asText(),
        Kind.valueOf(e.get(3).asText()),
        e.get(4).asText(),
        e.get(5).asText());
  }

  static ScriptCall encode(DepartureArgs args) {
    return new ScriptCall(List.of(args.heldKey()), List.of(args.nodeId()));
  }

  /** departure.lua's answer: 1 to send the departure, 0 to drop it. */
  static boolean decodeDue(Long answer) {
    return answer == 1L;
  }

  static ScriptCall encode(BeatArgs args) {
    return new ScriptCall(
        List.of(args.nodesKey(), args.reapedKey()),
        List.of(args.nodeId(), Long.toString(args.nodeTimeoutMillis())));
  }

  /** heartbeat.lua's answer: {@code {known, reaped, dead node ids}}. */
  static Beat decodeBeat(List<Object> answer) {
    List<String> dead = new ArrayList<>();
    for (Object id : (List<?>) answer.get(2)) {
      dead.add(String.valueOf(id));
    }
    return new Beat(
        ((Number) answer.get(0)).intValue() == 1, ((Number) answer.get(1)).intValue() == 1, dead);
  }

  private static int toInt(Object value) {
    return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
  }

  private static JsonNode parse(String json) {
    try {
      return PusherJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object value) {
    try {
      return PusherJson.mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
