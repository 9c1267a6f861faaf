package dev.herald.server.app;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds apps by id (HTTP API) or key (WebSocket). Implementations are thread-safe and never block
 * the caller (an event loop).
 */
public interface AppRegistry {
  /** The app with this id. */
  Optional<App> findById(String id);

  /** The app with this public key. */
  Optional<App> findByKey(String key);

  /** Every app. */
  Collection<App> all();
}
