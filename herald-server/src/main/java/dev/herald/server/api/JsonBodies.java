package dev.herald.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.io.IOException;

/**
 * Reading request bodies: the body must be one JSON object, and fields are read with their JSON
 * type checked. Every failure is a 400 naming the field by its path in the body (e.g. {@code
 * batch[2].name}), so a client can see which value was wrong. Thread-safe.
 */
final class JsonBodies {
  // Strict: a repeated key or trailing garbage is an error, not silently last-wins or ignored.
  private static final ObjectReader READER =
      PusherJson.mapper()
          .reader()
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body as a JSON object; 400 with the parser's reason when it is not one. */
  static ObjectNode object(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("The request body is empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = READER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("Malformed JSON body: " + reason(e));
    } catch (IOException e) {
      throw ApiException.badRequest("Malformed JSON body: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw ApiException.badRequest("The request body is empty; expected a JSON object");
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("The request body must be a JSON object, not " + typeOf(node));
    }
    return (ObjectNode) node;
  }

  /** A required string field; 400 when it is absent or not a string. */
  static String requiredString(ObjectNode node, String prefix, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw missing(prefix, field);
    }
    return string(value, prefix + field);
  }

  /** An optional string field; null when absent or JSON null, 400 when of another type. */
  static String optionalString(ObjectNode node, String prefix, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : string(value, prefix + field);
  }

  /** A required array field; 400 when absent or not an array. */
  static ArrayNode requiredArray(ObjectNode node, String prefix, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw missing(prefix, field);
    }
    if (!value.isArray()) {
      throw wrongType(prefix + field, "an array", value);
    }
    return (ArrayNode) value;
  }

  /** {@code value} as a string; 400 naming {@code path} when it is not one. */
  static String string(JsonNode value, String path) {
    if (!value.isTextual()) {
      throw wrongType(path, "a string", value);
    }
    return value.textValue();
  }

  static ApiException missing(String prefix, String field) {
    return ApiException.badRequest("Missing required field '" + prefix + field + "'");
  }

  static ApiException wrongType(String path, String expected, JsonNode value) {
    return ApiException.badRequest(
        "Field '" + path + "' must be " + expected + ", not " + typeOf(value));
  }

  /** The JSON type of {@code node}, with an article, for error messages. */
  static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "binary data";
    };
  }

  private static String reason(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return e.getOriginalMessage() + where;
  }
}
