package dev.herald.server.config;

import java.nio.file.Path;

/**
 * What the command line says, each part {@code null} when not given: the config file (else {@code
 * HERALD_CONFIG}), and the host and port, which win over the file and the environment.
 *
 * @param configFile the YAML file, or null
 * @param host the address to bind, or null
 * @param port the port to bind, or null
 * @param redisUrl the Redis that makes this node one of a cluster, or null
 */
public record ConfigOverrides(Path configFile, String host, Integer port, String redisUrl) {

  /** Overrides without a Redis URL. */
  public ConfigOverrides(Path configFile, String host, Integer port) {
    this(configFile, host, port, null);
  }

  /** No command-line overrides. */
  public static ConfigOverrides none() {
    return new ConfigOverrides(null, null, null);
  }
}
