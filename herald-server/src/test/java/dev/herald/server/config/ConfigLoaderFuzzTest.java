package dev.herald.server.config;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the YAML config loader on a file of fuzzed content ({@link ConfigFuzzing} has the rules):
 * only a {@link ConfigException} with a message may come out, and a secret in the file never shows
 * in it. Seeds: the repository's {@code herald.example.yml} and variations, with {@link
 * ConfigFuzzing#PLANTED} as the secrets.
 */
class ConfigLoaderFuzzTest {

  @DictionaryEntries({
    "apps:",
    "  - id: ",
    "    key: ",
    "    secret: ",
    ConfigFuzzing.PLANTED,
    "limits:",
    "redis:",
    "url: redis://:",
    "url: rediss://",
    "tls:",
    "cert_file: ",
    "webhooks:",
    "headers:",
    "event_types:",
    "allowed_origins:",
    "trusted_proxies:",
    "host: ",
    "port: ",
    "max_connections: ",
    "cache_ttl: ",
    "node_timeout_ms: ",
    "&a ",
    "*a",
    "!!str ",
    "~"
  })
  @FuzzTest(maxDuration = "30s")
  void refusesAnyBadFileWithAConfigExceptionThatShowsNoSecret(byte[] input) {
    ConfigFuzzing.load(input);
  }
}
