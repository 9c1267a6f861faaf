package dev.herald.spring;

import dev.herald.Broadcaster;

/**
 * Where the auto-configured {@link Broadcaster} sends when it is not built from the driver
 * settings: the embedded server ({@code herald.server.enabled=true}) is one. At most one bean of
 * this type.
 */
public interface BroadcasterSource {
  /** A broadcaster to the source; closing it leaves the source running. */
  Broadcaster broadcaster();
}
