package dev.herald.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Recorder;

/**
 * The client side of scenario S6. Connection {@code i} is user {@code u<i>} in room {@code i mod
 * rooms}; the first {@code steady × rooms} connections join their room when they connect and stay,
 * the others (churners) join when {@link #join} picks them, leave {@code holdMillis} after their
 * join was acknowledged and may be picked again {@code holdMillis} after that (so a late event is
 * not timed against a newer join). Steady members time the {@code member_added}/{@code
 * member_removed} events they receive against the moment the churner sent its subscribe/unsubscribe
 * (same JVM, same clock). Callbacks run on the client's event loop; {@link #join} on the storm's
 * thread.
 */
final class PresenceStorm implements Behavior {
  private static final int IDLE = 0;
  private static final int JOINING = 1;
  private static final int JOINED = 2;
  private static final int LEAVING = 3;

  private final String key;
  private final String secret;
  private final int rooms;
  private final int steadyConnections;
  private final int total;
  private final long holdMillis;
  private final AtomicIntegerArray state;
  private final AtomicLongArray joinSent;
  private final AtomicLongArray leaveSent;
  private final SplittableRandom random = new SplittableRandom(7);
  private LoadClient client;

  final AtomicLong joinsSent = new AtomicLong();
  final AtomicLong joinsOk = new AtomicLong();
  final AtomicLong joinErrors = new AtomicLong();
  final AtomicLong leaves = new AtomicLong();
  final AtomicLong memberEvents = new AtomicLong();
  final Recorder joinMicros = new Recorder(3);
  final Recorder memberMicros = new Recorder(3);

  PresenceStorm(String key, String secret, int rooms, int steady, int churners, long holdMillis) {
    this.key = key;
    this.secret = secret;
    this.rooms = rooms;
    this.steadyConnections = steady * rooms;
    this.total = (steady + churners) * rooms;
    this.holdMillis = holdMillis;
    this.state = new AtomicIntegerArray(total);
    this.joinSent = new AtomicLongArray(total);
    this.leaveSent = new AtomicLongArray(total);
  }

  void attach(LoadClient client) {
    this.client = client;
  }

  static String room(int r) {
    return "presence-room-" + r;
  }

  static String channelData(int i) {
    return "{\"user_id\":\"u" + i + "\",\"user_info\":{\"name\":\"user " + i + "\"}}";
  }

  int total() {
    return total;
  }

  /** Resets the step counters and latency recorders. */
  void startStep() {
    joinsSent.set(0);
    joinsOk.set(0);
    joinErrors.set(0);
    leaves.set(0);
    memberEvents.set(0);
    joinMicros.reset();
    memberMicros.reset();
  }

  /** Whether no churner is joining or joined. */
  boolean allIdle() {
    for (int i = steadyConnections; i < total; i++) {
      if (state.get(i) != IDLE) {
        return false;
      }
    }
    return true;
  }

  /** Makes one idle churner join its room; false when none of a few random picks was idle. */
  boolean join() {
    for (int attempt = 0; attempt < 16; attempt++) {
      int i = steadyConnections + random.nextInt(total - steadyConnections);
      ClientHandler conn = client.connection(i);
      if (conn != null && conn.socketId() != null && state.compareAndSet(i, IDLE, JOINING)) {
        String message =
            Subscription.message(key, secret, conn.socketId(), room(i % rooms), channelData(i));
        joinSent.set(i, System.nanoTime());
        joinsSent.incrementAndGet();
        conn.send(message);
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> onEstablished(ClientHandler conn, String socketId) {
    int i = conn.index();
    if (i >= steadyConnections) {
      return List.of();
    }
    return List.of(Subscription.message(key, secret, socketId, room(i % rooms), channelData(i)));
  }

  @Override
  public void onText(ClientHandler conn, String text, long now) {
    int i = conn.index();
    if (i >= steadyConnections) {
      onChurnerText(conn, text, now);
      return;
    }
    boolean added = text.contains("pusher_internal:member_added");
    if (added || text.contains("pusher_internal:member_removed")) {
      String user = PusherText.userId(text);
      if (user == null || !user.startsWith("u")) {
        return;
      }
      int who = Integer.parseInt(user.substring(1));
      if (who < steadyConnections || who >= total) {
        return; // steady members joining during the connect phase
      }
      long sent = added ? joinSent.get(who) : leaveSent.get(who);
      memberEvents.incrementAndGet();
      memberMicros.recordValue(Math.max(0, (now - sent) / 1000));
    }
  }

  private void onChurnerText(ClientHandler conn, String text, long now) {
    int i = conn.index();
    if (text.contains("pusher_internal:subscription_succeeded")
        && state.compareAndSet(i, JOINING, JOINED)) {
      joinMicros.recordValue(Math.max(0, (now - joinSent.get(i)) / 1000));
      joinsOk.incrementAndGet();
      conn.schedule(() -> leave(conn), holdMillis);
    } else if (text.contains("pusher:subscription_error") || text.contains("\"pusher:error\"")) {
      if (state.compareAndSet(i, JOINING, IDLE)) {
        joinErrors.incrementAndGet();
      }
    }
  }

  private void leave(ClientHandler conn) {
    int i = conn.index();
    leaveSent.set(i, System.nanoTime());
    conn.send(Subscription.unsubscribe(room(i % rooms)));
    leaves.incrementAndGet();
    state.set(i, LEAVING);
    conn.schedule(() -> state.compareAndSet(i, LEAVING, IDLE), holdMillis);
  }

  @Override
  public void onClosed(ClientHandler conn) {
    if (conn.index() < total) {
      state.set(conn.index(), -1); // never picked again
    }
  }
}
