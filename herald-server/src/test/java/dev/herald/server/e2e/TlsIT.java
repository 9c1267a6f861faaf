package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.rest.data.Result;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.netty.TlsSettings;
import dev.herald.server.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.http.impl.client.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end with the official clients: pusher-java-client over {@code wss://} and
 * pusher-http-java over {@code https://} on the one port, with a self-signed certificate made here;
 * and a certificate renewed on disk served to new connections while open ones carry on.
 */
class TlsIT {
  private static final App APP = App.of("1", "tls-key", "tls-secret");
  private static final String[] TRUST_PROPERTIES = {
    "javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword"
  };

  @TempDir Path dir;
  private final TestCertificates first = TestCertificates.selfSigned("herald-first");
  private final BlockingQueue<PusherEvent> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> problems = new LinkedBlockingQueue<>();
  private final Map<String, String> savedTrust = new HashMap<>();
  private Path certFile;
  private Path keyFile;
  private HeraldServer server;
  private Pusher client;

  @BeforeEach
  void start() {
    certFile = dir.resolve("cert.pem");
    keyFile = dir.resolve("key.pem");
    first.writePem(certFile, keyFile);
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(APP))
                .withTls(new TlsSettings(certFile, keyFile)));
    // pusher-java-client builds its wss:// socket from the JVM's default trust: point it here.
    for (String property : TRUST_PROPERTIES) {
      savedTrust.put(property, System.getProperty(property));
    }
    System.setProperty(
        "javax.net.ssl.trustStore", first.writeTrustStore(dir.resolve("trust.p12")).toString());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.disconnect();
    }
    server.close();
    savedTrust.forEach(
        (property, value) -> {
          if (value == null) {
            System.clearProperty(property);
          } else {
            System.setProperty(property, value);
          }
        });
  }

  @Test
  void theOfficialClientsTalkToHeraldOverTlsOnOnePort() throws Exception {
    connectOverWss();
    try (com.pusher.rest.Pusher rest = restClient(first.clientContext())) {
      Result result = rest.trigger("orders", "OrderShipped", Map.of("id", 42));
      assertThat(result.getHttpStatus()).as(result.getMessage()).isEqualTo(200);
    }
    PusherEvent event = next();
    assertThat(event.getChannelName()).isEqualTo("orders");
    assertThat(event.getData()).isEqualTo("{\"id\":42}");
    assertThat(problems).isEmpty();
  }

  @Test
  void aRenewedCertificateIsServedToNewConnectionsWhileOpenOnesCarryOn() throws Exception {
    connectOverWss();
    TestCertificates renewed = TestCertificates.selfSigned("herald-renewed");
    SSLContext trustsBoth = TestCertificates.clientContext(first, renewed);
    assertThat(servedCertificate(trustsBoth)).isEqualTo(first.certificate());

    renewed.writePem(certFile, keyFile);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> servedCertificate(trustsBoth).equals(renewed.certificate()));
    try (com.pusher.rest.Pusher rest = restClient(renewed.clientContext())) {
      Result result = rest.trigger("orders", "OrderShipped", Map.of("id", 43));
      assertThat(result.getHttpStatus()).as(result.getMessage()).isEqualTo(200);
    }
    assertThat(next().getData()).isEqualTo("{\"id\":43}");
    assertThat(client.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(problems).isEmpty();
  }

  @Test
  void aHalfWrittenRenewalKeepsTheCertificateBeingServed() throws Exception {
    SSLContext trusted = first.clientContext();
    Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\ntrunc");

    // Past the recheck interval the bad file has been looked at; the old certificate still serves.
    await()
        .pollDelay(Duration.ofMillis(1_200))
        .atMost(Duration.ofSeconds(10))
        .until(() -> servedCertificate(trusted).equals(first.certificate()));
  }

  private Certificate servedCertificate(SSLContext context) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      socket.startHandshake();
      return socket.getSession().getPeerCertificates()[0];
    }
  }

  private com.pusher.rest.Pusher restClient(SSLContext context) {
    com.pusher.rest.Pusher rest = new com.pusher.rest.Pusher(APP.id(), APP.key(), APP.secret());
    rest.setHost("127.0.0.1:" + server.port());
    rest.setEncrypted(true);
    // The SDK's default builder brings its own connection manager, which ignores an SSL context.
    rest.configureHttpClient(
        HttpClientBuilder.create().setSSLContext(context).disableRedirectHandling());
    return rest;
  }

  private void connectOverWss() throws InterruptedException {
    PusherOptions options =
        new PusherOptions().setHost("127.0.0.1").setWssPort(server.port()).setUseTLS(true);
    client = new Pusher(APP.key(), options);
    BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    client.connect(
        new ConnectionEventListener() {
          @Override
          public void onConnectionStateChange(ConnectionStateChange change) {
            states.add(change.getCurrentState());
          }

          @Override
          public void onError(String message, String code, Exception e) {
            problems.add("connection: " + message + " " + e);
          }
        },
        ConnectionState.ALL);
    await()
        .atMost(Duration.ofSeconds(10))
        .failFast(() -> !problems.isEmpty())
        .until(() -> states.contains(ConnectionState.CONNECTED));
    client.subscribe(
        "orders",
        new ChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String channel) {}

          @Override
          public void onEvent(PusherEvent event) {
            received.add(event);
          }
        },
        "OrderShipped");
    await().atMost(Duration.ofSeconds(10)).until(() -> client.getChannel("orders").isSubscribed());
  }

  private PusherEvent next() throws InterruptedException {
    PusherEvent event = received.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s; problems: %s", problems).isNotNull();
    return event;
  }
}
