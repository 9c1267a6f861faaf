package dev.herald.spring;

import dev.herald.Broadcaster;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named connections of {@code herald.connections.<name>.*}, one broadcaster each (one per
 * tenant, say), next to the default {@link Broadcaster} bean. Thread-safe; the broadcasters are
 * closed with the application context.
 */
public final class HeraldConnections implements AutoCloseable {
  private final Map<String, Broadcaster> broadcasters;

  HeraldConnections(Map<String, Broadcaster> broadcasters) {
    this.broadcasters = Collections.unmodifiableMap(new LinkedHashMap<>(broadcasters));
  }

  /**
   * Builds every configured connection; when one cannot be built, those already built are closed.
   *
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  static HeraldConnections of(Map<String, DriverProperties> connections) {
    Map<String, Broadcaster> built = new LinkedHashMap<>();
    try {
      connections.forEach(
          (name, properties) ->
              built.put(
                  name,
                  HeraldBroadcasters.driver(
                      properties, HeraldBroadcasters.CONNECTIONS + name + ".")));
    } catch (RuntimeException e) {
      built.values().forEach(Broadcaster::close);
      throw e;
    }
    return new HeraldConnections(built);
  }

  /**
   * The broadcaster of the connection {@code name}.
   *
   * @throws IllegalArgumentException when no connection has this name (the message lists them)
   */
  public Broadcaster get(String name) {
    Broadcaster broadcaster = broadcasters.get(name);
    if (broadcaster == null) {
      throw new IllegalArgumentException(
          "no connection named '"
              + name
              + "' is configured (herald.connections.<name>.*); configured: "
              + broadcasters.keySet());
    }
    return broadcaster;
  }

  /** The configured names, in configuration order. */
  public Set<String> names() {
    return broadcasters.keySet();
  }

  /** Closes every connection's broadcaster. */
  @Override
  public void close() {
    broadcasters.values().forEach(Broadcaster::close);
  }
}
