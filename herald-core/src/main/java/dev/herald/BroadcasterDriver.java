package dev.herald;

/**
 * A driver another module contributes, found with {@link java.util.ServiceLoader} when {@link
 * Broadcasters#standard()} is built: herald-server adds {@code embedded}, herald-redis adds {@code
 * redis}, each replacing core's placeholder that says which module to add. List the implementation
 * in {@code META-INF/services/dev.herald.BroadcasterDriver}; it needs a public no-argument
 * constructor. Implementations are stateless and thread-safe.
 */
public interface BroadcasterDriver extends BroadcasterFactory {
  /** The name configuration selects it by, e.g. {@code embedded}. */
  String name();
}
