package dev.herald.bench;

/** How the baseline server writes a broadcast to its subscribers. */
enum WriteMode {
  /** {@code writeAndFlush} per subscriber: one syscall per subscriber per event. */
  FLUSH,
  /** Write per subscriber, flush each dirty subscriber once after the event-loop pass. */
  COALESCE
}
