package dev.herald.pusher;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signing of Pusher HTTP API requests (protocol reference §1.11): {@code hex(HMAC_SHA256(secret,
 * METHOD\npath\nquery))}, where {@code query} is every parameter except {@code auth_signature},
 * keys lower-cased and sorted, joined as {@code k=v} with {@code &} and not URL-escaped.
 *
 * <p>Used by the server to verify requests and by clients (the CLI, the library) to sign them, so
 * both sides share one definition. Pure and thread-safe.
 */
public final class ApiSignature {
  /** The query parameter carrying the signature itself. */
  public static final String AUTH_SIGNATURE = "auth_signature";

  public static final String AUTH_KEY = "auth_key";
  public static final String AUTH_TIMESTAMP = "auth_timestamp";
  public static final String AUTH_VERSION = "auth_version";
  public static final String BODY_MD5 = "body_md5";

  private ApiSignature() {}

  /** The exact string that is signed, for verification and for error messages. */
  public static String signingString(String method, String path, Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          if (!key.equals(AUTH_SIGNATURE)) {
            sorted.put(key, v);
          }
        });
    StringBuilder query = new StringBuilder();
    sorted.forEach(
        (k, v) -> {
          if (query.length() > 0) {
            query.append('&');
          }
          query.append(k).append('=').append(v);
        });
    return method.toUpperCase(Locale.ROOT) + '\n' + path + '\n' + query;
  }

  /**
   * The signature of a request with the given parameters (auth_signature is ignored if present).
   */
  public static String sign(String secret, String method, String path, Map<String, String> params) {
    return Signatures.hmacSha256Hex(secret, signingString(method, path, params));
  }

  /**
   * Returns the query parameters for a signed request: {@code extraParams} plus {@code auth_key},
   * {@code auth_timestamp}, {@code auth_version}, {@code body_md5} (for a non-empty body) and
   * {@code auth_signature}. Keys are sorted, so the map's iteration order is the signed order.
   */
  public static Map<String, String> signedParams(
      String key,
      String secret,
      String method,
      String path,
      Map<String, String> extraParams,
      byte[] body,
      long timestampSeconds) {
    TreeMap<String, String> params = new TreeMap<>(extraParams);
    params.put(AUTH_KEY, key);
    params.put(AUTH_TIMESTAMP, Long.toString(timestampSeconds));
    params.put(AUTH_VERSION, "1.0");
    if (body != null && body.length > 0) {
      params.put(BODY_MD5, Signatures.md5Hex(body));
    }
    params.put(AUTH_SIGNATURE, sign(secret, method, path, params));
    return params;
  }

  /** Convenience for a UTF-8 body. */
  public static Map<String, String> signedParams(
      String key,
      String secret,
      String method,
      String path,
      Map<String, String> extraParams,
      String body,
      long timestampSeconds) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    return signedParams(key, secret, method, path, extraParams, bytes, timestampSeconds);
  }
}
