package dev.herald.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.herald.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code herald.yml}: Jackson binds it into {@link HeraldFile} and its section records
 * (snake_case keys), which lay it over the defaults. Absent keys keep the defaults; unknown keys
 * and duplicate keys are errors, so a typo never goes unnoticed. Errors come from {@link
 * BindingErrors}, never from Jackson's own messages, which may quote a value. Thread-safe.
 */
final class ConfigFile {
  /** What a section that is not a mapping is told. */
  static final String NOT_A_MAPPING = "must be a mapping of keys to values";

  private final ObjectMapper yaml =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(Scalars.module())
          .build();

  /**
   * The configuration in {@code file}, absent keys taken from {@code defaults}; the app list is
   * empty when the file has none.
   *
   * @throws ConfigException when the file is missing, unreadable or invalid
   */
  ServerConfig read(Path file, ServerConfig defaults) {
    return bind(file).over(defaults, Where.root(file));
  }

  private HeraldFile bind(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("Config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    // Our own parser, so that a failure can be placed by where the parser stopped.
    try (JsonParser parser = yaml.createParser(bytes)) {
      try {
        // An empty file (or one that is only comments or "~") is an empty mapping.
        if (parser.nextToken() == null) {
          return HeraldFile.EMPTY;
        }
        HeraldFile bound = yaml.readValue(parser, HeraldFile.class);
        return bound == null ? HeraldFile.EMPTY : bound;
      } catch (JsonProcessingException e) {
        throw BindingErrors.of(e, parser, file);
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
  }
}
