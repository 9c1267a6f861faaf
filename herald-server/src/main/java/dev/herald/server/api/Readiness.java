package dev.herald.server.api;

import java.util.Optional;

/**
 * Whether this node can serve its whole cluster, for {@code GET /ready}: a node that lost Redis
 * still delivers locally but should be taken out of a load balancer's rotation.
 */
@FunctionalInterface
public interface Readiness {
  /** A node that is always ready (a single node). */
  Readiness ALWAYS = Optional::empty;

  /** Why the node is not ready, or empty when it is. */
  Optional<String> problem();
}
