package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code herald.*} from: every property described, values hinted. */
class ConfigurationMetadataTest {
  @Test
  void describesEveryPropertyAndHintsTheDriversAndPolicies() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.path("properties")) {
      names.add(property.path("name").asText());
      assertThat(property.path("description").asText())
          .as(property.path("name").asText())
          .isNotBlank();
    }
    assertThat(names)
        .contains(
            "herald.driver",
            "herald.url",
            "herald.app-id",
            "herald.app-key",
            "herald.app-secret",
            "herald.encryption-master-key",
            "herald.failure-policy",
            "herald.connect-timeout",
            "herald.redis.url",
            "herald.connections",
            "herald.queue.enabled",
            "herald.auth.path",
            "herald.webhooks.enabled",
            "herald.server.enabled");
    List<String> hinted = new ArrayList<>();
    metadata.path("hints").forEach(hint -> hinted.add(hint.path("name").asText()));
    assertThat(hinted).containsExactlyInAnyOrder("herald.driver", "herald.failure-policy");
  }
}
