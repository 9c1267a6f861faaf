package dev.herald.server.netty;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for the one port: {@code wss://} and {@code https://} with this certificate.
 *
 * @param certFile the certificate chain, PEM (the server's certificate first, then intermediates)
 * @param keyFile the private key, PEM, PKCS#8 ({@code BEGIN PRIVATE KEY}, as certbot writes it)
 */
public record TlsSettings(Path certFile, Path keyFile) {
  public TlsSettings {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
  }
}
