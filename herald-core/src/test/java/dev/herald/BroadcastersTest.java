package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Choosing and configuring drivers from the environment and from properties. */
class BroadcastersTest {
  private final StubApiServer stub = new StubApiServer();
  private final Broadcasters drivers = Broadcasters.standard();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void buildsAHeraldBroadcasterFromEnvironmentVariables() {
    Map<String, String> env =
        Map.of(
            "HERALD_DRIVER",
            "herald",
            "HERALD_URL",
            stub.url(),
            "HERALD_APP_ID",
            StubApiServer.APP_ID,
            "HERALD_APP_KEY",
            StubApiServer.KEY,
            "HERALD_APP_SECRET",
            StubApiServer.SECRET,
            "HERALD_ENCRYPTION_MASTER_KEY",
            "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
            "PATH",
            "/usr/bin");
    try (Broadcaster broadcaster = drivers.create(DriverSettings.fromEnvironment(env))) {
      assertThat(broadcaster).isInstanceOf(HttpBroadcaster.class);
      broadcaster.on(Channel.encryptedChannel("a")).as("x").send().join();
    }
    assertThat(stub.sent())
        .singleElement()
        .extracting(s -> s.channel())
        .isEqualTo("private-encrypted-a");
  }

  @Test
  void defaultsToTheDevelopmentServerWhenNothingIsConfigured() {
    Broadcaster broadcaster = drivers.create(DriverSettings.fromEnvironment(Map.of()));
    try {
      assertThat(broadcaster).isInstanceOf(HttpBroadcaster.class);
    } finally {
      broadcaster.close();
    }
  }

  @Test
  void namesTheMissingVariableWithoutShowingSecrets() {
    Map<String, String> env =
        Map.of(
            "HERALD_URL",
            "http://127.0.0.1:6001",
            "HERALD_APP_ID",
            "1",
            "HERALD_APP_SECRET",
            "s3cr3t");
    assertThatThrownBy(() -> drivers.create(DriverSettings.fromEnvironment(env)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HERALD_APP_KEY is not set")
        .hasMessageNotContaining("s3cr3t");
    Map<String, String> badKey =
        Map.of("HERALD_DRIVER", "log", "HERALD_FAILURE_POLICY", "sometimes");
    assertThatThrownBy(() -> drivers.create(DriverSettings.fromEnvironment(badKey)))
        .hasMessageContaining("unknown failure policy 'sometimes'");
  }

  @Test
  void refusesAnInvalidMasterKeyNamingTheSettingNotTheValue() {
    Properties p = new Properties();
    p.setProperty("herald.driver", "pusher");
    p.setProperty("herald.app-id", "1");
    p.setProperty("herald.app-key", "k");
    p.setProperty("herald.app-secret", "s");
    p.setProperty("herald.encryption-master-key", "dG9vLXNob3J0");
    assertThatThrownBy(() -> Broadcasters.fromProperties(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("herald.encryption-master-key: ")
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("dG9vLXNob3J0");
  }

  @Test
  void picksTheLogAndNullDriversAndWrapsThemInTheFailurePolicy() {
    Properties p = new Properties();
    p.setProperty("herald.driver", "log");
    try (Broadcaster log = Broadcasters.fromProperties(p)) {
      assertThat(log).isInstanceOf(LogBroadcaster.class);
    }
    p.setProperty("herald.driver", "null");
    p.setProperty("herald.failure-policy", "retry");
    try (Broadcaster queued = Broadcasters.fromProperties(p)) {
      assertThat(queued).isInstanceOf(QueuedBroadcaster.class);
    }
  }

  @Test
  void explainsHowToGetDriversFromOtherModules() {
    assertThatThrownBy(() -> drivers.create(DriverSettings.of(Map.of("driver", "redis"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the 'redis' driver is not available: add dev.herald:herald-redis to the classpath");
    assertThatThrownBy(() -> drivers.create(DriverSettings.of(Map.of("driver", "embedded"))))
        .hasMessageContaining("add dev.herald:herald-server");
    assertThatThrownBy(() -> drivers.create(DriverSettings.of(Map.of("driver", "carrier-pigeon"))))
        .hasMessageContaining("unknown driver 'carrier-pigeon'")
        .hasMessageContaining("[ably, embedded, herald, log, null, pusher, redis]");
  }

  @Test
  void acceptsCustomDrivers() {
    FakeBroadcaster fake = new FakeBroadcaster();
    drivers.register("fake", settings -> fake);
    try (Broadcaster broadcaster = drivers.create(DriverSettings.of(Map.of("driver", "fake")))) {
      broadcaster.on(Channel.publicChannel("a")).as("x").send();
    }
    fake.assertBroadcast("x");
  }

  @Test
  void buildsSeveralNamedConnectionsSideBySide() {
    Properties p = new Properties();
    p.setProperty("herald.connections.tenant-a.driver", "herald");
    p.setProperty("herald.connections.tenant-a.url", stub.url());
    p.setProperty("herald.connections.tenant-a.app-id", StubApiServer.APP_ID);
    p.setProperty("herald.connections.tenant-a.app-key", StubApiServer.KEY);
    p.setProperty("herald.connections.tenant-a.app-secret", StubApiServer.SECRET);
    p.setProperty("herald.connections.tenant-b.driver", "null");
    p.setProperty("herald.driver", "log");

    Map<String, Broadcaster> connections = drivers.connections(p);
    try {
      assertThat(connections).containsOnlyKeys("tenant-a", "tenant-b");
      assertThat(connections.get("tenant-b")).isInstanceOf(NullBroadcaster.class);
      connections.get("tenant-a").on(Channel.publicChannel("a")).as("x").send().join();
      assertThat(stub.sent()).hasSize(1);
    } finally {
      connections.values().forEach(Broadcaster::close);
    }
    assertThatThrownBy(() -> drivers.connection(p, "tenant-c"))
        .hasMessage("no connection named 'tenant-c' is configured");
  }
}
