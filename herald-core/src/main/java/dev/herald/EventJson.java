package dev.herald;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Serialization of event payloads. The default mapper handles java.time (as ISO-8601 strings, which
 * browsers parse) and registers the other Jackson modules found on the classpath. Thread-safe: the
 * mapper is configured once and never changed.
 */
final class EventJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private EventJson() {}

  /**
   * {@code payload} as a JSON string.
   *
   * @throws IllegalArgumentException naming the event when Jackson cannot serialize it
   */
  static String write(ObjectMapper mapper, Object payload, String eventName) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the payload of event '"
              + eventName
              + "' cannot be serialized to JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
