package dev.herald.server.redis;

/**
 * A counter this node changed while Redis could not hear it, so the other nodes' clients may not
 * know: after the resync they are told what they missed (see {@link TransitionAnnouncer#catchUp}).
 *
 * @param counter the counter
 * @param heardBefore whether the cluster last heard this node count it
 * @param roseInResync whether the resync took it from 0 (nobody else counts it)
 */
record CatchUp(Counter counter, boolean heardBefore, boolean roseInResync) {}
