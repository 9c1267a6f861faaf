package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.testing.TestCertificates;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void servesARenewedCertificateToNewConnectionsOnceTheRecheckIntervalPassed() throws Exception {
    TlsSettings settings = new TlsSettings(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    TestCertificates.selfSigned("first").writePem(settings.certFile(), settings.keyFile());
    TlsContexts contexts = new TlsContexts(settings, nanos::get);
    SslContext first = contexts.context();

    TestCertificates.selfSigned("second").writePem(settings.certFile(), settings.keyFile());
    touchLater(settings);
    assertThat(contexts.context()).isSameAs(first); // not looked at again within the interval

    nanos.addAndGet(TlsContexts.RECHECK_NANOS);
    SslContext second = contexts.context();
    assertThat(second).isNotSameAs(first);

    nanos.addAndGet(TlsContexts.RECHECK_NANOS);
    assertThat(contexts.context()).isSameAs(second); // unchanged files are not reloaded
  }

  @Test
  void keepsTheOldCertificateWhenTheNewFilesDoNotLoad() throws Exception {
    TlsSettings settings = new TlsSettings(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    TestCertificates.selfSigned("first").writePem(settings.certFile(), settings.keyFile());
    TlsContexts contexts = new TlsContexts(settings, nanos::get);
    SslContext first = contexts.context();

    Files.writeString(settings.certFile(), "-----BEGIN CERTIFICATE-----\nhalf");
    touchLater(settings);
    nanos.addAndGet(TlsContexts.RECHECK_NANOS);
    assertThat(contexts.context()).isSameAs(first);
  }

  @Test
  void refusesToStartWithFilesThatAreNotACertificateAndKey() throws Exception {
    TlsSettings settings = new TlsSettings(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    Files.writeString(settings.certFile(), "not a certificate");
    Files.writeString(settings.keyFile(), "not a key");
    assertThatThrownBy(() -> new TlsContexts(settings, nanos::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot load the TLS certificate " + settings.certFile());
  }

  @Test
  void usesBoringSslOnTheMachinesHeraldShipsItFor() {
    TlsSettings settings = new TlsSettings(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    TestCertificates.selfSigned("first").writePem(settings.certFile(), settings.keyFile());
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    boolean shipped = os.equals("Linux/amd64") || os.equals("Linux/aarch64");

    assertThat(new TlsContexts(settings, nanos::get).provider())
        .as("on %s", os)
        .startsWith(shipped ? "OpenSSL BoringSSL" : "");
  }

  /** File systems with coarse timestamps could see the same time: make the change visible. */
  private static void touchLater(TlsSettings settings) throws Exception {
    FileTime later = FileTime.from(Instant.now().plusSeconds(5));
    Files.setLastModifiedTime(settings.certFile(), later);
    Files.setLastModifiedTime(settings.keyFile(), later);
  }
}
