package dev.herald.server.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's counters in Redis (subscribers per channel, signed-in sockets per user, presence
 * sockets per member), with this node's share of each kept twice: in memory, as the truth about
 * this node, and in the node's ledger in Redis. Every change updates both (one Lua script, so the
 * cluster count and the ledger move together); {@link #resync} makes Redis agree with this node
 * again after Redis lost its data or the node was taken for dead; {@link #reap} takes a dead node's
 * share back out. Each answers which counters crossed zero, so first-join/last-leave decisions are
 * made once, by the node whose script crossed it.
 *
 * <p>Thread-safe. Changes are dispatched under one lock with the memory update, so Redis applies
 * them in the order this node made them, and a resync never overtakes a change.
 *
 * <p>Longer than the house's 400 lines on purpose: the in-memory shares, the unheard changes, the
 * comeback marks and the scripts that change them must stay under one lock in one class, or a
 * resync could overtake a change. Splitting it would spread that invariant over several files.
 */
final class RedisLedger {
  private static final String COUNT = script("count.lua");
  private static final String SYNC = script("sync.lua");
  private static final String DEPARTURE = script("departure.lua");

  private final RedisAsyncCommands<String, String> redis;
  private final String prefix;
  private final String nodeId;
  private final Map<Counter, Share> shares = new ConcurrentHashMap<>();
  private final Map<Counter, Boolean> comebacks = new ConcurrentHashMap<>();
  // Counters changed while Redis could not hear it → whether the cluster last heard this node
  // count them (a share above 0). Guarded by this.
  private final Map<Counter, Boolean> unheard = new LinkedHashMap<>();
  private volatile boolean markDepartures;

  /**
   * @param redis the command connection (strings)
   * @param prefix the key prefix shared by the cluster's nodes
   * @param nodeId this node's id, unique per process start
   */
  RedisLedger(RedisAsyncCommands<String, String> redis, String prefix, String nodeId) {
    this.redis = redis;
    this.prefix = prefix;
    this.nodeId = nodeId;
  }

  /** What is counted: subscribers of a channel, a user's signed-in sockets, a member's sockets. */
  enum Kind {
    OCCUPANCY,
    ONLINE,
    PRESENCE
  }

  /**
   * One counter.
   *
   * @param kind what is counted
   * @param appId the app
   * @param channel the channel (empty for {@link Kind#ONLINE})
   * @param field the channel ({@link Kind#OCCUPANCY}) or the user id
   */
  record Counter(Kind kind, String appId, String channel, String field) {}

  /**
   * A change's answer.
   *
   * @param before the cluster count before, or -1 when the counter was full and nothing changed
   * @param after the cluster count after
   * @param infos the counter family's infos by field (presence members), when asked for
   * @param comeback the counter rose while a departure was held for the webhooks' comeback delay
   *     (on any node): neither is reported
   */
  record Change(int before, int after, Map<String, String> infos, boolean comeback) {}

  /**
   * A counter that crossed zero during a resync or reap.
   *
   * @param counter the counter
   * @param before the cluster count before
   * @param after the cluster count after
   * @param info the counter's info (presence member info), or empty
   * @param announced false when this node changed the counter while Redis could not hear it: the
   *     other nodes are told by a {@link CatchUp}, not by the resync
   * @param comeback it rose while a departure was held for the webhooks' comeback delay
   */
  record Transition(
      Counter counter, int before, int after, String info, boolean announced, boolean comeback) {
    /** True when the counter went from 0 to positive. */
    boolean rose() {
      return before == 0 && after > 0;
    }
  }

  /**
   * A counter this node changed while Redis could not hear it, so the other nodes' clients may not
   * know: after the resync they are told what they missed (see {@link
   * TransitionAnnouncer#catchUp}).
   *
   * @param counter the counter
   * @param heardBefore whether the cluster last heard this node count it
   * @param roseInResync whether the resync took it from 0 (nobody else counts it)
   */
  record CatchUp(Counter counter, boolean heardBefore, boolean roseInResync) {}

  /**
   * What a resync changed.
   *
   * @param transitions the counters that crossed zero
   * @param catchUps the counters changed while Redis could not hear it
   */
  record Resync(List<Transition> transitions, List<CatchUp> catchUps) {}

  /** This node's share of one counter, as this node knows it. */
  private static final class Share {
    int count;
    String info;
  }

  /**
   * Adds {@code delta} to the counter for this node. {@code info} is kept with the counter while it
   * is positive; a new field is refused ({@code before = -1}) when the family already has {@code
   * max} fields (0: no limit). The future fails when Redis cannot be reached; this node's share is
   * recorded either way and reaches Redis with the next {@link #resync}.
   */
  CompletableFuture<Change> change(
      Counter counter, int delta, String info, int max, boolean withInfos) {
    synchronized (this) {
      Share share = shares.computeIfAbsent(counter, c -> new Share());
      boolean counted = share.count > 0;
      share.count = Math.max(0, share.count + delta);
      if (info != null && share.info == null) {
        share.info = info; // The first info is kept while the count is positive, as in Redis.
      }
      if (share.count == 0) {
        shares.remove(counter);
      }
      CompletableFuture<List<Object>> answer =
          eval(
              COUNT,
              new String[] {ledgerKey(nodeId), countsKey(counter), infosKey(counter)},
              counter.field(),
              Integer.toString(delta),
              info == null ? "" : info,
              Integer.toString(max),
              withInfos ? "1" : "0",
              counter.kind().name(),
              counter.appId(),
              counter.channel(),
              marker(counter.kind()));
      // One stage, so that a refused change is undone before anyone sees the answer (a resync
      // made on seeing it must not put the refused share into Redis).
      return answer.handle(
          (ok, error) -> {
            if (error != null) {
              unheard(counter, counted);
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            Change change = change(ok);
            if (change.before() < 0) {
              undoRefused(counter, delta);
            }
            // Recorded before the caller hears of the change, so before its arrival event.
            if (change.comeback()) {
              comebacks.put(counter, Boolean.TRUE);
            } else if (change.before() > 0 && change.after() == 0) {
              comebacks.remove(counter);
            }
            return change;
          });
    }
  }

  /**
   * Marks departures in Redis from now on, for the webhooks' comeback delay across the cluster (see
   * {@link RedisComebacks}); off by default, so a cluster without webhooks writes no marks.
   */
  void markDepartures() {
    markDepartures = true;
  }

  /**
   * Records that a rise announced from a resync or reap was a comeback (see {@link #tookComeback}).
   */
  void comeback(Counter counter) {
    comebacks.put(counter, Boolean.TRUE);
  }

  /**
   * Whether the last rise of {@code counter} was a comeback that cancelled a departure held for the
   * webhooks' comeback delay; answers once per rise. Never blocks.
   */
  boolean tookComeback(Counter counter) {
    return comebacks.remove(counter) != null;
  }

  /**
   * Whether this node must send the departure of {@code counter} it held for the comeback delay:
   * false when somebody came back meanwhile, on any node (see departure.lua).
   */
  CompletableFuture<Boolean> departureDue(Counter counter) {
    return redis
        .<Long>eval(DEPARTURE, ScriptOutputType.INTEGER, new String[] {heldKey(counter)}, nodeId)
        .toCompletableFuture()
        .thenApply(answer -> answer == 1L);
  }

  /** The key that holds a departure's mark; the scripts build the same. */
  private String heldKey(Counter counter) {
    return countsKey(counter) + ":held:" + counter.field();
  }

  private String marker(Kind kind) {
    return markDepartures && kind != Kind.ONLINE ? nodeId : "";
  }

  private synchronized void unheard(Counter counter, boolean countedBefore) {
    unheard.putIfAbsent(counter, countedBefore); // the first unheard change knows what was heard
  }

  /** Whether a change failed to reach Redis since the last {@link #resync}. */
  synchronized boolean hasUnheard() {
    return !unheard.isEmpty();
  }

  /** This node's info of a counter it counts, or null. */
  String localInfo(Counter counter) {
    Share share = shares.get(counter);
    return share == null ? null : share.info;
  }

  /** The cluster's count of {@code counter}. */
  CompletableFuture<Integer> clusterCount(Counter counter) {
    return redis
        .hget(countsKey(counter), counter.field())
        .toCompletableFuture()
        .thenApply(count -> count == null ? 0 : Integer.parseInt(count));
  }

  /** This node's own count of a counter. */
  int localCount(Counter counter) {
    Share share = shares.get(counter);
    return share == null ? 0 : share.count;
  }

  /** This node's counters of one kind and app (and channel, when not null), with their infos. */
  Map<Counter, String> local(Kind kind, String appId, String channel) {
    Map<Counter, String> result = new LinkedHashMap<>();
    shares.forEach(
        (counter, share) -> {
          if (counter.kind() == kind
              && counter.appId().equals(appId)
              && (channel == null || counter.channel().equals(channel))
              && share.count > 0) {
            result.put(counter, share.info == null ? "" : share.info);
          }
        });
    return result;
  }

  /**
   * Makes Redis hold exactly this node's shares; answers the counters that crossed zero and the
   * changes Redis did not hear of (they are heard now). When the resync fails they stay unheard.
   */
  CompletableFuture<Resync> resync() {
    synchronized (this) {
      List<Object[]> desired = new ArrayList<>();
      shares.forEach(
          (counter, share) ->
              desired.add(
                  new Object[] {
                    countsKey(counter),
                    counter.field(),
                    infosKey(counter),
                    counter.kind().name(),
                    counter.appId(),
                    counter.channel(),
                    share.count,
                    share.info == null ? "" : share.info
                  }));
      Map<Counter, Boolean> caught = new LinkedHashMap<>(unheard);
      unheard.clear();
      return sync(nodeId, json(desired), "", 0)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  synchronized (this) {
                    unheard.putAll(caught); // older than what failed since: it wins
                  }
                }
              })
          .thenApply(
              list -> {
                List<Transition> transitions =
                    list.stream()
                        .map(
                            t ->
                                new Transition(
                                    t.counter,
                                    t.before,
                                    t.after,
                                    t.info,
                                    !caught.containsKey(t.counter),
                                    t.comeback))
                        .toList();
                List<CatchUp> catchUps = new ArrayList<>();
                caught.forEach(
                    (counter, heard) ->
                        catchUps.add(
                            new CatchUp(
                                counter,
                                heard,
                                transitions.stream()
                                    .anyMatch(t -> t.counter.equals(counter) && t.rose()))));
                return new Resync(transitions, catchUps);
              });
    }
  }

  /** Takes a dead node's shares out of the cluster; answers the counters that crossed zero. */
  CompletableFuture<List<Transition>> reap(String deadNodeId, long nodeTimeoutMillis) {
    return sync(deadNodeId, "[]", deadNodeId, nodeTimeoutMillis);
  }

  private CompletableFuture<List<Transition>> sync(
      String node, String desired, String dead, long timeoutMillis) {
    return eval(
            SYNC,
            new String[] {ledgerKey(node), nodesKey(), tombstoneKey(node)},
            desired,
            dead,
            Long.toString(timeoutMillis),
            markDepartures ? nodeId : "")
        .thenApply(RedisLedger::transitions);
  }

  /** Runs a script; a command refused at once (Redis away) is a failed future, as any failure. */
  private CompletableFuture<List<Object>> eval(String script, String[] keys, String... args) {
    try {
      return redis
          .<List<Object>>eval(script, ScriptOutputType.MULTI, keys, args)
          .toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private synchronized void undoRefused(Counter counter, int delta) {
    Share share = shares.get(counter);
    if (share != null) {
      share.count = Math.max(0, share.count - delta);
      if (share.count == 0) {
        shares.remove(counter);
      }
    }
  }

  /** The sorted set of live nodes and their last heartbeat. */
  String nodesKey() {
    return prefix + "nodes";
  }

  /** Set when a node was reaped as dead, so that it announces itself again if it comes back. */
  String tombstoneKey(String node) {
    return prefix + "node:" + node + ":reaped";
  }

  private String ledgerKey(String node) {
    return prefix + "node:" + node + ":ledger";
  }

  private String countsKey(Counter counter) {
    return switch (counter.kind()) {
      case OCCUPANCY -> prefix + "occupancy:" + counter.appId();
      case ONLINE -> prefix + "online:" + counter.appId();
      case PRESENCE -> prefix + "presence:" + counter.appId() + ":" + counter.channel();
    };
  }

  private String infosKey(Counter counter) {
    return counter.kind() == Kind.PRESENCE
        ? prefix + "members:" + counter.appId() + ":" + counter.channel()
        : countsKey(counter);
  }

  /** The counts hash of a kind for an app (and channel), to read directly. */
  String countsKey(Kind kind, String appId, String channel) {
    return countsKey(new Counter(kind, appId, channel, ""));
  }

  /** The infos hash of a kind for an app (and channel), to read directly. */
  String infosKey(Kind kind, String appId, String channel) {
    return infosKey(new Counter(kind, appId, channel, ""));
  }

  private static Change change(List<Object> answer) {
    Map<String, String> infos = new LinkedHashMap<>();
    if (answer.size() > 2 && answer.get(2) instanceof List<?> flat) {
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        infos.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
      }
    }
    boolean comeback = answer.size() > 3 && toInt(answer.get(3)) == 1;
    return new Change(toInt(answer.get(0)), toInt(answer.get(1)), infos, comeback);
  }

  private static List<Transition> transitions(List<Object> flat) {
    List<Transition> result = new ArrayList<>();
    for (int i = 0; i + 4 < flat.size(); i += 5) {
      JsonNode entry = parse(String.valueOf(flat.get(i)));
      Counter counter =
          new Counter(
              Kind.valueOf(entry.get(3).asText()),
              entry.get(4).asText(),
              entry.get(5).asText(),
              entry.get(1).asText());
      result.add(
          new Transition(
              counter,
              toInt(flat.get(i + 1)),
              toInt(flat.get(i + 2)),
              String.valueOf(flat.get(i + 3)),
              true,
              toInt(flat.get(i + 4)) == 1));
    }
    return result;
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

  private static String script(String name) {
    try (InputStream in = RedisLedger.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing Lua script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
