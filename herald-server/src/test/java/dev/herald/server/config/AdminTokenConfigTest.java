package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin_token} and {@code HERALD_ADMIN_TOKEN}: read, checked, never shown. */
class AdminTokenConfigTest {
  private static final String APPS = "apps: [{id: a, key: k, secret: s}]\n";
  private static final String TOKEN = "a-long-admin-token-0123456789";

  @TempDir Path dir;

  private ServerConfig load(Map<String, String> env, String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("herald.yml"), yaml);
    return new ConfigLoader(env).load(new ConfigOverrides(file, null, null, null)).server();
  }

  @Test
  void isOffByDefaultAndReadFromTheFileOrTheEnvironment() throws IOException {
    assertThat(load(Map.of(), APPS).adminToken()).isEmpty();
    assertThat(load(Map.of(), APPS + "admin_token: " + TOKEN + "\n").adminToken()).contains(TOKEN);
    assertThat(load(Map.of("HERALD_ADMIN_TOKEN", TOKEN + "-env"), APPS).adminToken())
        .contains(TOKEN + "-env");
  }

  @Test
  void refusesAShortTokenWithoutShowingIt() {
    assertThatThrownBy(() -> load(Map.of(), APPS + "admin_token: short-one\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short-one");
  }

  @Test
  void neverPrintsTheToken() throws IOException {
    ServerConfig config = load(Map.of(), APPS + "admin_token: " + TOKEN + "\n");

    assertThat(config.toString()).doesNotContain(TOKEN).contains("adminToken=***");
  }
}
