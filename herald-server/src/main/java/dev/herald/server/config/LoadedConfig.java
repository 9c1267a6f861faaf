package dev.herald.server.config;

import dev.herald.server.ServerConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A server configuration and how it was obtained.
 *
 * @param server the configuration to start the server with
 * @param development whether this is the development app started without any configuration, whose
 *     public secret may be printed
 * @param file the YAML file read, if any
 */
public record LoadedConfig(ServerConfig server, boolean development, Optional<Path> file) {

  public LoadedConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(file, "file");
  }
}
