package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.redis.RedisSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code redis:} section, the {@code HERALD_REDIS_*} variables and {@code --redis}. */
class RedisConfigTest {
  private static final String APPS = "apps: [{id: a, key: k, secret: s}]\n";

  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("herald.yml"), text);
  }

  private static ServerConfig load(Map<String, String> env, Path file, String redisFlag) {
    return new ConfigLoader(env).load(new ConfigOverrides(file, null, null, redisFlag)).server();
  }

  private ServerConfig loadYaml(String text) throws IOException {
    return load(Map.of(), yaml(text), null);
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void withoutRedisTheServerIsASingleNode() throws IOException {
    assertThat(loadYaml(APPS).redis()).isEmpty();
    assertThat(load(Map.of(), null, null).redis()).isEmpty();
    assertThat(ServerConfig.DEFAULTS.redis()).isEmpty();
  }

  @Test
  void readsEveryKeyOfTheRedisSection() throws IOException {
    ServerConfig config =
        loadYaml(
            APPS
                + """
                redis:
                  url: rediss://:pw@redis.internal:6380/2
                  prefix: "staging:"
                  node_timeout_ms: 5000
                """);

    assertThat(config.redis())
        .contains(
            new RedisSettings(
                "rediss://:pw@redis.internal:6380/2", "staging:", Duration.ofMillis(5000)));
  }

  @Test
  void defaultsThePrefixAndTheNodeTimeout() throws IOException {
    RedisSettings redis =
        loadYaml(APPS + "redis:\n  url: redis://127.0.0.1:6379\n").redis().orElseThrow();

    assertThat(redis.url()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(redis.prefix()).isEqualTo("herald:");
    assertThat(redis.nodeTimeout()).isEqualTo(Duration.ofMillis(15_000));
    assertThat(redis).isEqualTo(RedisSettings.of("redis://127.0.0.1:6379"));
  }

  @Test
  void namesAnUnknownKeyUnderRedis() throws IOException {
    Path file = yaml(APPS + "redis:\n  url: redis://h:6379\n  prefx: \"x:\"\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown key 'redis.prefx'")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected one of: url, prefix, node_timeout_ms");
  }

  @Test
  void refusesARedisSectionWithoutUrl() throws IOException {
    Path file = yaml(APPS + "redis:\n  prefix: \"x:\"\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("'redis' in " + file + " is missing 'url'");
  }

  @Test
  void refusesARedisSectionThatIsNotAMapping() throws IOException {
    Path file = yaml(APPS + "redis: redis://h:6379\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis' in " + file + " must be a mapping");
  }

  @Test
  void refusesAnotherSchemeWithoutPrintingThePassword() throws IOException {
    Path file = yaml(APPS + "redis:\n  url: http://:secret@redis.internal:6379\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis' in " + file)
        .hasMessageContaining("must start with redis:// or rediss://")
        .hasMessageContaining("http://***@redis.internal:6379")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("secret"));
  }

  @Test
  void refusesAUrlLettuceCannotConnectToWithoutPrintingThePassword() throws IOException {
    Path file = yaml(APPS + "redis:\n  url: redis://:secret@redis.internal:99999\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis' in " + file)
        .hasMessageContaining("redis://***@redis.internal:99999 is not usable")
        .hasMessageContaining("Port out of range")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("secret"));
  }

  @Test
  void refusesAnUnparsableUrlWithoutPrintingThePassword() throws IOException {
    Path file = yaml(APPS + "redis:\n  url: \"redis://:se^cret%zz@redis.internal:6379\"\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis' in " + file)
        .hasMessageContaining("redis://***@redis.internal:6379")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("se^cret", "cret%zz"));
  }

  @Test
  void refusesANodeTimeoutBelowThreeHundredMilliseconds() throws IOException {
    Path file = yaml(APPS + "redis:\n  url: redis://:secret@h:6379\n  node_timeout_ms: 299\n");

    assertThatThrownBy(() -> load(Map.of(), file, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("node timeout must be at least 300 ms, was 299 ms")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("secret"));
  }

  @Test
  void refusesANegativeOrFractionalNodeTimeout() throws IOException {
    Path negative = yaml(APPS + "redis:\n  url: redis://h\n  node_timeout_ms: -5\n");
    assertThatThrownBy(() -> load(Map.of(), negative, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis.node_timeout_ms'")
        .hasMessageContaining("must not be negative");

    Path fractional = yaml(APPS + "redis:\n  url: redis://h\n  node_timeout_ms: 1.5\n");
    assertThatThrownBy(() -> load(Map.of(), fractional, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'redis.node_timeout_ms'")
        .hasMessageContaining("must be a whole number");
  }

  @Test
  void neverShowsThePasswordInToString() throws IOException {
    ServerConfig config = loadYaml(APPS + "redis:\n  url: redis://:secret@redis.internal:6379/1\n");

    assertThat(config.redis().orElseThrow().toString())
        .contains("redis://***@redis.internal:6379/1")
        .doesNotContain("secret");
    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void redactsTheUserInfoWhateverItHolds() {
    assertThat(RedisSettings.redacted("redis://:secret@h:6379")).isEqualTo("redis://***@h:6379");
    assertThat(RedisSettings.redacted("rediss://user:secret@h/2")).isEqualTo("rediss://***@h/2");
    assertThat(RedisSettings.redacted("redis://:p@ss@h:6379")).isEqualTo("redis://***@h:6379");
    assertThat(RedisSettings.redacted("redis://:pa/ss@h:6379")).isEqualTo("redis://***@h:6379");
    assertThat(RedisSettings.redacted("redis://h:6379/0")).isEqualTo("redis://h:6379/0");
    assertThat(RedisSettings.redacted("redis:secret@h")).isEqualTo("redis:***@h");
    assertThat(RedisSettings.redacted("not a url")).isEqualTo("not a url");
  }

  @Test
  void readsTheRedisUrlFromTheEnvironment() {
    RedisSettings redis =
        load(env("HERALD_REDIS_URL", "redis://env-redis:6379"), null, null).redis().orElseThrow();

    assertThat(redis).isEqualTo(RedisSettings.of("redis://env-redis:6379"));
  }

  @Test
  void readsThePrefixAndNodeTimeoutFromTheEnvironment() {
    ServerConfig config =
        load(
            env(
                "HERALD_REDIS_URL", "redis://env-redis:6379",
                "HERALD_REDIS_PREFIX", "blue:",
                "HERALD_REDIS_NODE_TIMEOUT_MS", "4000"),
            null,
            null);

    assertThat(config.redis())
        .contains(new RedisSettings("redis://env-redis:6379", "blue:", Duration.ofSeconds(4)));
  }

  @Test
  void theEnvironmentOverridesTheFileKeyByKey() throws IOException {
    Path file =
        yaml(
            APPS
                + "redis:\n  url: redis://file:6379\n  prefix: \"file:\"\n"
                + "  node_timeout_ms: 9000\n");

    assertThat(load(env("HERALD_REDIS_URL", "redis://env:6379"), file, null).redis())
        .contains(new RedisSettings("redis://env:6379", "file:", Duration.ofSeconds(9)));
    assertThat(load(env("HERALD_REDIS_PREFIX", "env:"), file, null).redis())
        .as("a prefix alone applies to the file's Redis")
        .contains(new RedisSettings("redis://file:6379", "env:", Duration.ofSeconds(9)));
    assertThat(load(env("HERALD_REDIS_NODE_TIMEOUT_MS", "600"), file, null).redis())
        .contains(new RedisSettings("redis://file:6379", "file:", Duration.ofMillis(600)));
  }

  @Test
  void refusesAPrefixWithoutARedis() {
    assertThatThrownBy(() -> load(env("HERALD_REDIS_PREFIX", "blue:"), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "HERALD_REDIS_PREFIX is set but no Redis is configured: set HERALD_REDIS_URL too");
  }

  @Test
  void refusesANodeTimeoutWithoutARedis() {
    assertThatThrownBy(() -> load(env("HERALD_REDIS_NODE_TIMEOUT_MS", "5000"), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "HERALD_REDIS_NODE_TIMEOUT_MS is set but no Redis is configured: set"
                + " HERALD_REDIS_URL too");
  }

  @Test
  void anEmptyRedisVariableCountsAsUnset() {
    assertThat(load(env("HERALD_REDIS_URL", " ", "HERALD_REDIS_PREFIX", ""), null, null).redis())
        .isEmpty();
  }

  @Test
  void namesTheVariableOfAnInvalidValueWithoutPrintingThePassword() {
    assertThatThrownBy(() -> load(env("HERALD_REDIS_URL", "tcp://:secret@h:6379"), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid HERALD_REDIS_URL: ")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("secret"));
    assertThatThrownBy(
            () ->
                load(
                    env("HERALD_REDIS_URL", "redis://h", "HERALD_REDIS_NODE_TIMEOUT_MS", "soon"),
                    null,
                    null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("HERALD_REDIS_NODE_TIMEOUT_MS must be a whole number, was 'soon'");
    assertThatThrownBy(
            () ->
                load(
                    env("HERALD_REDIS_URL", "redis://h", "HERALD_REDIS_NODE_TIMEOUT_MS", "10"),
                    null,
                    null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid HERALD_REDIS_NODE_TIMEOUT_MS: ")
        .hasMessageContaining("at least 300 ms");
  }

  @Test
  void theRedisFlagOverridesTheEnvironmentAndTheFile() throws IOException {
    Path file =
        yaml(
            APPS
                + "redis:\n  url: redis://file:6379\n  prefix: \"file:\"\n  node_timeout_ms: 9000\n");
    Map<String, String> env =
        env("HERALD_REDIS_URL", "redis://env:6379", "HERALD_REDIS_PREFIX", "env:");

    RedisSettings redis = load(env, file, "redis://flag:6379").redis().orElseThrow();

    assertThat(redis)
        .as("the flag names the Redis; prefix and timeout still come from env and file")
        .isEqualTo(new RedisSettings("redis://flag:6379", "env:", Duration.ofSeconds(9)));
  }

  @Test
  void theRedisFlagAloneJoinsAClusterWithTheDefaults() {
    assertThat(load(Map.of(), null, " redis://flag:6379 ").redis())
        .contains(RedisSettings.of("redis://flag:6379"));
  }

  @Test
  void namesTheRedisFlagWhenItsUrlIsInvalidWithoutPrintingThePassword() {
    assertThatThrownBy(() -> load(Map.of(), null, "http://:secret@h:6379"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid --redis: ")
        .hasMessageContaining("redis:// or rediss://")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("secret"));
  }

  /** The message of the exception and of every cause: what a stack trace would show. */
  private static String everything(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
