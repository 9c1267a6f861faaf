package dev.herald.server.config;

import dev.herald.server.netty.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code tls:} section as written; null components are absent keys. Relative paths are taken
 * from the configuration file's directory.
 *
 * @param certFile the PEM certificate chain
 * @param keyFile the PEM (PKCS#8) private key
 */
record TlsSection(String certFile, String keyFile) {

  TlsSection {
    certFile = Scalars.text(certFile);
    keyFile = Scalars.text(keyFile);
  }

  /** The settings, both files required and readable. */
  TlsSettings settings(Where where) {
    where.require("cert_file", certFile, "key_file", keyFile);
    return new TlsSettings(
        readable(where, "cert_file", certFile), readable(where, "key_file", keyFile));
  }

  private static Path readable(Where where, String key, String value) {
    Path dir = where.file().toAbsolutePath().getParent();
    Path path = dir == null ? Path.of(value) : dir.resolve(value);
    if (!Files.isReadable(path)) {
      throw where.invalid(key, "names " + path + ", which does not exist or cannot be read");
    }
    return path;
  }
}
