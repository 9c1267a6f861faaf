package dev.herald.server.redis;

import dev.herald.redis.RedisKeys;
import dev.herald.server.redis.ScriptCodec.BeatArgs;
import dev.herald.server.timer.Scheduler;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's heartbeat, and the cluster's reaper. Every {@code nodeTimeout / 3} the node records
 * itself in the nodes set (on Redis's clock); a node that has not beaten for {@code nodeTimeout} is
 * dead, and the first node to notice takes its members, subscribers and signed-in users back out
 * and announces the changes. A node that finds itself missing from the set (first start, Redis lost
 * its data, or it was taken for dead during a long pause) puts its share back, and so does a node
 * whose changes did not reach Redis (it was away for a moment but kept its data). So a node that
 * crashes leaves no ghosts for longer than {@code nodeTimeout} plus one beat.
 *
 * <p>A node judges others dead only after it has itself beaten steadily for {@code nodeTimeout}:
 * after Redis (or the way to it) was gone for longer than that, every node's last beat is old, and
 * the first node back must give the others the same time to come back as a dead node gets.
 *
 * <p>What a node changed while Redis could not hear it is told to the other nodes' clients one beat
 * and a second after the resync ({@link TransitionAnnouncer#catchUp}): by then the other nodes have
 * reconnected, listen again, and have put their own shares back.
 */
final class RedisHeartbeat {
  private static final Logger log = LoggerFactory.getLogger(RedisHeartbeat.class);

  private final LuaScripts scripts;
  private final RedisLedger ledger;
  private final TransitionAnnouncer announcer;
  private final RedisHealth health;
  private final String nodeId;
  private final Duration nodeTimeout;
  private final Scheduler timer;
  private final AtomicBoolean beating = new AtomicBoolean();
  private volatile boolean stopped;
  // Set when a beat found this node missing (or taken for dead); cleared once a resync succeeded,
  // so a resync that fails is tried again although the next beat finds the node known.
  private volatile boolean resyncNeeded;
  private volatile boolean reapedUnannounced;
  private long answeredNanos; // the last answered beat; 0 before the first; guarded by this
  private long steadySinceNanos; // since when beats were answered without a gap; guarded by this

  RedisHeartbeat(
      RedisAsyncCommands<String, String> redis,
      RedisLedger ledger,
      TransitionAnnouncer announcer,
      RedisHealth health,
      String nodeId,
      Duration nodeTimeout,
      Scheduler timer) {
    this.scripts = new LuaScripts(redis);
    this.ledger = ledger;
    this.announcer = announcer;
    this.health = health;
    this.nodeId = nodeId;
    this.nodeTimeout = nodeTimeout;
    this.timer = timer;
  }

  /** Beats now and then every {@code nodeTimeout / 3}, until {@link #stop}. */
  void start() {
    timer.schedule(this::beatAndRepeat, Duration.ZERO);
  }

  /** Beats no more (the node leaves); a catch-up still waiting is dropped. */
  void stop() {
    stopped = true;
  }

  private void beatAndRepeat() {
    if (stopped) {
      return;
    }
    timer.schedule(this::beatAndRepeat, Duration.ofMillis(period()));
    beat();
  }

  private long period() {
    return Math.max(100, nodeTimeout.toMillis() / 3);
  }

  /**
   * After Lettuce reconnected: resyncs with the next beat, made at once. Lettuce re-sends commands
   * that were in flight when the connection dropped, so a change may have been applied twice even
   * though none failed; the resync makes the ledger and the counts right again either way.
   */
  void resyncSoon() {
    resyncNeeded = true;
    beatSoon();
  }

  /** Beats as soon as possible. */
  void beatSoon() {
    timer.schedule(this::beat, Duration.ZERO);
  }

  private void beat() {
    if (stopped || !beating.compareAndSet(false, true)) {
      return; // The previous beat is still waiting for Redis.
    }
    RedisKeys keys = ledger.keys();
    scripts
        .beat(
            new BeatArgs(
                keys.nodesKey(), keys.nodeReapedKey(nodeId), nodeId, nodeTimeout.toMillis()))
        .thenCompose(
            beat -> {
              health.answered();
              boolean steady = steady();
              CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
              if (beat.reaped()) {
                log.warn("This node was taken for dead by the cluster; announcing it again");
                reapedUnannounced = true;
              }
              if (!beat.known()) {
                resyncNeeded = true;
              }
              if (resyncNeeded || ledger.hasUnheard()) {
                boolean announceRises = reapedUnannounced;
                work =
                    ledger
                        .resync()
                        .thenAccept(
                            resync -> {
                              resyncNeeded = false;
                              reapedUnannounced = false;
                              announcer.announce(resync.transitions(), announceRises);
                              if (!announceRises && !resync.catchUps().isEmpty()) {
                                catchUpLater(resync.catchUps());
                              }
                            });
              }
              for (String deadId : beat.deadNodeIds()) {
                if (steady && !deadId.equals(nodeId)) {
                  work = work.thenCompose(ignored -> reap(deadId));
                }
              }
              return work;
            })
        .whenComplete(
            (ok, error) -> {
              beating.set(false);
              if (error != null) {
                health.failed("send the node heartbeat", error);
              }
            });
  }

  /** Records an answered beat; whether this node has beaten without a gap for the node timeout. */
  private synchronized boolean steady() {
    long now = System.nanoTime();
    if (answeredNanos == 0 || now - answeredNanos > 2 * TimeUnit.MILLISECONDS.toNanos(period())) {
      steadySinceNanos = now;
    }
    answeredNanos = now;
    return now - steadySinceNanos >= nodeTimeout.toNanos();
  }

  private void catchUpLater(List<CatchUp> catchUps) {
    timer.schedule(
        () -> {
          if (!stopped) { // else the node is stopping: its clients are leaving anyway
            announcer.catchUp(catchUps);
          }
        },
        Duration.ofMillis(period() + 1000));
  }

  private CompletableFuture<Void> reap(String deadId) {
    return ledger
        .reap(deadId, nodeTimeout.toMillis())
        .thenAccept(
            changes -> {
              if (!changes.isEmpty()) {
                log.warn(
                    "Node {} stopped beating; removed its share ({} changes announced)",
                    deadId,
                    changes.size());
              }
              announcer.announce(changes, true);
            });
  }
}
