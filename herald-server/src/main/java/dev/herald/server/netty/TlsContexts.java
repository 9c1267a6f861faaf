package dev.herald.server.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS context, re-read when the certificate or key file changes, so a renewed
 * certificate (certbot, cert-manager) is served without a restart: each new connection gets the
 * newest context; open connections keep theirs. The files are looked at no more than once per
 * {@link #RECHECK_NANOS} (on a new connection, never on a timer). A change that does not load (a
 * half-written file) keeps the old certificate, with a WARN, and is tried again. OpenSSL (BoringSSL
 * from netty-tcnative) when its native library loads on this machine, else the JDK's TLS.
 * Thread-safe.
 */
final class TlsContexts {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);
  static final long RECHECK_NANOS = 1_000_000_000L;

  private final TlsSettings settings;
  private final SslProvider provider;
  private final LongSupplier nanoTime;
  private volatile Loaded current;
  private volatile long checkedAt;

  /** A loaded context and the file versions it was loaded from. */
  private record Loaded(SslContext context, FileTime certTime, FileTime keyTime) {}

  /**
   * Loads the files now.
   *
   * @throws IllegalArgumentException when they cannot be read or are not a certificate and key
   */
  TlsContexts(TlsSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    this.nanoTime = nanoTime;
    try {
      this.current = load();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot load the TLS certificate "
              + settings.certFile()
              + " and key "
              + settings.keyFile()
              + ": "
              + e.getMessage());
    }
    this.checkedAt = nanoTime.getAsLong();
  }

  /** {@code OpenSSL} or {@code JDK}. */
  String provider() {
    return provider == SslProvider.OPENSSL ? "OpenSSL " + OpenSsl.versionString() : "JDK";
  }

  /** A handler for a new connection, with the newest certificate. */
  SslHandler newHandler(ByteBufAllocator allocator) {
    return context().newHandler(allocator);
  }

  /** The current context, reloaded first when a file changed since it was loaded. */
  SslContext context() {
    long now = nanoTime.getAsLong();
    if (now - checkedAt >= RECHECK_NANOS) {
      synchronized (this) {
        if (now - checkedAt >= RECHECK_NANOS) {
          checkedAt = now;
          reloadIfChanged();
        }
      }
    }
    return current.context();
  }

  private void reloadIfChanged() {
    Loaded loaded = current;
    try {
      if (Files.getLastModifiedTime(settings.certFile()).equals(loaded.certTime())
          && Files.getLastModifiedTime(settings.keyFile()).equals(loaded.keyTime())) {
        return;
      }
      current = load();
      log.info("TLS certificate reloaded from {}", settings.certFile());
    } catch (IOException | RuntimeException e) {
      log.warn(
          "TLS certificate {} changed but does not load ({}); still serving the previous one",
          settings.certFile(),
          e.getMessage());
    }
  }

  private Loaded load() throws IOException {
    FileTime certTime = Files.getLastModifiedTime(settings.certFile());
    FileTime keyTime = Files.getLastModifiedTime(settings.keyFile());
    try {
      SslContext context =
          SslContextBuilder.forServer(settings.certFile().toFile(), settings.keyFile().toFile())
              .sslProvider(provider)
              .build();
      return new Loaded(context, certTime, keyTime);
    } catch (SSLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
