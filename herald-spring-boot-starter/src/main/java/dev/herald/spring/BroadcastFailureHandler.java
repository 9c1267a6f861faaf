package dev.herald.spring;

import dev.herald.FailedBroadcast;
import java.util.function.Consumer;

/**
 * Receives each broadcast the queue gave up on ({@code herald.queue.enabled=true}): after the last
 * retry, when the queue is full, or unsent at shutdown. Declare beans of this type, e.g. to keep
 * failed broadcasts in a table and send them again later; without one they are logged at WARN.
 * Called on the queue's thread: must not block for long.
 */
@FunctionalInterface
public interface BroadcastFailureHandler extends Consumer<FailedBroadcast> {}
