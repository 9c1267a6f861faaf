package dev.herald.server.redis;

/**
 * A counter that crossed zero during a resync or reap (sync.lua).
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
