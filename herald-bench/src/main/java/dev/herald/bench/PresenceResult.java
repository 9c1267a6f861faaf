package dev.herald.bench;

import java.util.List;

/**
 * Scenario S6 against one server: {@code rooms} presence channels with {@code steadyPerRoom}
 * members that stay and {@code churnersPerRoom} that join and leave; one {@link Step} per join
 * rate; {@code consistentRooms} of {@code checkedRooms} listed exactly the steady members through
 * {@code GET /apps/{id}/channels/{channel}/users} after the storm.
 */
record PresenceResult(
    String server,
    int rooms,
    int steadyPerRoom,
    int churnersPerRoom,
    int connected,
    int failed,
    List<Step> steps,
    int checkedRooms,
    int consistentRooms) {

  /**
   * One storm step: joins sent at {@code rate} per second ({@code skipped}: slots that found no
   * idle churner), each followed by a leave after the hold time. Join latency: subscribe sent →
   * {@code subscription_succeeded}; member latency: subscribe/unsubscribe sent → {@code
   * member_added}/ {@code member_removed} at a steady member. Expected member events = joins
   * (leaves) × steady members of the room, exact because user ids are unique. Latencies in ms.
   */
  record Step(
      double rate,
      int seconds,
      long joinsSent,
      long joinsOk,
      long joinErrors,
      long leaves,
      long skipped,
      long lateSends,
      double joinP50Ms,
      double joinP99Ms,
      long memberEventsExpected,
      long memberEventsReceived,
      double memberP50Ms,
      double memberP99Ms,
      double memberP999Ms,
      double memberMaxMs,
      double cpuMicrosPerOp) {

    double deliveredPercent() {
      return memberEventsExpected == 0 ? 0 : 100.0 * memberEventsReceived / memberEventsExpected;
    }

    /** Every join answered and every member event delivered, both p99 under 100 ms. */
    boolean withinKnee() {
      return joinsSent > 0
          && joinsOk == joinsSent
          && memberEventsReceived >= memberEventsExpected
          && joinP99Ms < Knee.P99_LIMIT_MS
          && memberP99Ms < Knee.P99_LIMIT_MS;
    }
  }

  /** The highest join rate within the knee, 0 when none. */
  double knee() {
    return steps.stream().filter(Step::withinKnee).mapToDouble(Step::rate).max().orElse(0);
  }
}
