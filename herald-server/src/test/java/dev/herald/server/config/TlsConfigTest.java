package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.netty.TlsSettings;
import dev.herald.server.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tls:} section and the {@code HERALD_TLS_*} variables. */
class TlsConfigTest {
  private static final String APPS = "apps: [{id: a, key: k, secret: s}]\n";

  @TempDir Path dir;
  private Path cert;
  private Path key;

  @BeforeEach
  void certificate() {
    cert = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    TestCertificates.selfSigned("localhost").writePem(cert, key);
  }

  private ServerConfig load(Map<String, String> env, String yaml) throws IOException {
    Path file = yaml == null ? null : Files.writeString(dir.resolve("herald.yml"), yaml);
    return new ConfigLoader(env).load(new ConfigOverrides(file, null, null, null)).server();
  }

  @Test
  void isOffWithoutATlsSection() throws IOException {
    assertThat(load(Map.of(), APPS).tls()).isEmpty();
    assertThat(ServerConfig.DEFAULTS.tls()).isEmpty();
  }

  @Test
  void takesRelativePathsFromTheConfigFilesDirectory() throws IOException {
    ServerConfig config = load(Map.of(), APPS + "tls: {cert_file: cert.pem, key_file: key.pem}\n");

    assertThat(config.tls()).contains(new TlsSettings(cert, key));
  }

  @Test
  void needsBothFiles() {
    assertThatThrownBy(() -> load(Map.of(), APPS + "tls: {cert_file: cert.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls")
        .hasMessageContaining("key_file");
  }

  @Test
  void namesAFileThatCannotBeRead() {
    assertThatThrownBy(
            () -> load(Map.of(), APPS + "tls: {cert_file: missing.pem, key_file: key.pem}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cert_file")
        .hasMessageContaining(dir.resolve("missing.pem") + ", which does not exist");
  }

  @Test
  void namesAnUnknownKeyUnderTls() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(), APPS + "tls: {cert_file: cert.pem, key_file: key.pem, ca_file: x}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown key 'tls.ca_file'")
        .hasMessageContaining("cert_file, key_file");
  }

  @Test
  void theEnvironmentReplacesTheFilesTls() throws IOException {
    Path otherCert = dir.resolve("other-cert.pem");
    Path otherKey = dir.resolve("other-key.pem");
    TestCertificates.selfSigned("other").writePem(otherCert, otherKey);
    Map<String, String> env =
        Map.of(
            "HERALD_TLS_CERT_FILE", otherCert.toString(),
            "HERALD_TLS_KEY_FILE", otherKey.toString());

    ServerConfig config = load(env, APPS + "tls: {cert_file: cert.pem, key_file: key.pem}\n");

    assertThat(config.tls()).contains(new TlsSettings(otherCert, otherKey));
  }

  @Test
  void theEnvironmentNeedsBothVariablesAndReadableFiles() {
    assertThatThrownBy(() -> load(Map.of("HERALD_TLS_CERT_FILE", cert.toString()), null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "HERALD_TLS_CERT_FILE is set without HERALD_TLS_KEY_FILE: TLS needs both the"
                + " certificate and its key");
    Map<String, String> missing =
        Map.of(
            "HERALD_TLS_CERT_FILE", cert.toString(),
            "HERALD_TLS_KEY_FILE", dir.resolve("nope.pem").toString());
    assertThatThrownBy(() -> load(missing, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("HERALD_TLS_KEY_FILE names ")
        .hasMessageContaining("which does not exist or cannot be read");
  }
}
