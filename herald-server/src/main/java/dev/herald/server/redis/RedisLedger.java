package dev.herald.server.redis;

import dev.herald.redis.RedisKeys;
import dev.herald.server.redis.Counter.Kind;
import dev.herald.server.redis.ScriptCodec.CountArgs;
import dev.herald.server.redis.ScriptCodec.DepartureArgs;
import dev.herald.server.redis.ScriptCodec.DesiredShare;
import dev.herald.server.redis.ScriptCodec.SyncArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
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
 * made once, by the node whose script crossed it. The scripts' arguments and answers go through
 * {@link ScriptCodec}; the keys are {@link RedisKeys}'.
 *
 * <p>Thread-safe. Changes are dispatched under one lock with the memory update, so Redis applies
 * them in the order this node made them, and a resync never overtakes a change: the in-memory
 * shares, the unheard changes and the comeback marks stay in this one class for that reason.
 */
final class RedisLedger {
  private final RedisAsyncCommands<String, String> redis;
  private final LuaScripts scripts;
  private final RedisKeys keys;
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
    this.scripts = new LuaScripts(redis);
    this.keys = new RedisKeys(prefix);
    this.nodeId = nodeId;
  }

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

  /** The names of the cluster's keys. */
  RedisKeys keys() {
    return keys;
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
      CompletableFuture<Change> answer =
          scripts.count(
              new CountArgs(
                  keys.nodeLedgerKey(nodeId),
                  entry(counter),
                  delta,
                  info,
                  max,
                  withInfos,
                  marker(counter.kind())));
      // One stage, so that a refused change is undone before anyone sees the answer (a resync
      // made on seeing it must not put the refused share into Redis).
      return answer.handle(
          (change, error) -> {
            if (error != null) {
              unheard(counter, counted);
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
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
    return scripts.departureDue(new DepartureArgs(entry(counter).heldDepartureKey(), nodeId));
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
        .hget(entry(counter).countsKey(), counter.field())
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
      List<DesiredShare> desired = new ArrayList<>();
      shares.forEach(
          (counter, share) ->
              desired.add(
                  new DesiredShare(
                      entry(counter), share.count, share.info == null ? "" : share.info)));
      Map<Counter, Boolean> caught = new LinkedHashMap<>(unheard);
      unheard.clear();
      return sync(nodeId, desired, "", 0)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  synchronized (this) {
                    unheard.putAll(caught); // older than what failed since: it wins
                  }
                }
              })
          .thenApply(list -> resynced(list, caught));
    }
  }

  /** The resync's answer: transitions of counters changed unheard are not announced. */
  private static Resync resynced(List<Transition> synced, Map<Counter, Boolean> caught) {
    List<Transition> transitions =
        synced.stream()
            .map(
                t ->
                    new Transition(
                        t.counter(),
                        t.before(),
                        t.after(),
                        t.info(),
                        !caught.containsKey(t.counter()),
                        t.comeback()))
            .toList();
    List<CatchUp> catchUps = new ArrayList<>();
    caught.forEach(
        (counter, heard) ->
            catchUps.add(
                new CatchUp(
                    counter,
                    heard,
                    transitions.stream().anyMatch(t -> t.counter().equals(counter) && t.rose()))));
    return new Resync(transitions, catchUps);
  }

  /** Takes a dead node's shares out of the cluster; answers the counters that crossed zero. */
  CompletableFuture<List<Transition>> reap(String deadNodeId, long nodeTimeoutMillis) {
    return sync(deadNodeId, List.of(), deadNodeId, nodeTimeoutMillis);
  }

  private CompletableFuture<List<Transition>> sync(
      String node, List<DesiredShare> desired, String dead, long timeoutMillis) {
    return scripts.sync(
        new SyncArgs(
            keys.nodeLedgerKey(node),
            keys.nodesKey(),
            keys.nodeReapedKey(node),
            desired,
            dead,
            timeoutMillis,
            markDepartures ? nodeId : ""));
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

  private LedgerEntry entry(Counter counter) {
    return LedgerEntry.of(counter, keys);
  }
}
