package dev.herald.server.api;

import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Authenticates a request to {@code /apps/{app_id}/…} (protocol reference §1.11, Authentication):
 * the app must exist (404) and be enabled (403); {@code auth_key} must be its key, {@code
 * auth_timestamp} within {@link #MAX_SKEW_SECONDS} of the clock, {@code auth_version} 1.0 when
 * given, {@code body_md5} the MD5 of a non-empty body, and {@code auth_signature} the HMAC-SHA256
 * of the signing string. Each failure is a 401 that says which check failed; messages show what the
 * client should have sent but never the secret. Thread-safe and non-blocking.
 */
final class ApiAuthenticator {
  /** Pusher accepts timestamps up to 600 s off the server clock either way (§1.13). */
  static final long MAX_SKEW_SECONDS = 600;

  private final AppRegistry apps;
  private final Clock clock;

  ApiAuthenticator(AppRegistry apps, Clock clock) {
    this.apps = apps;
    this.clock = clock;
  }

  /** The app the request is signed for; throws {@link ApiException} when it is not. */
  App authenticate(ApiRequest request, String appId) {
    App app =
        apps.findById(appId)
            .orElseThrow(
                () ->
                    new ApiException(
                        404, "Unknown app id '" + ApiException.printable(appId) + "'"));
    if (!app.enabled()) {
      throw new ApiException(403, "App " + app.id() + " is disabled");
    }
    checkKey(request, app);
    checkTimestamp(request);
    checkVersion(request);
    checkBodyMd5(request);
    checkSignature(request, app);
    return app;
  }

  private static void checkKey(ApiRequest request, App app) {
    String key = request.param(ApiSignature.AUTH_KEY);
    if (key == null || key.isEmpty()) {
      throw ApiException.unauthorized("Missing auth_key: send the app key as auth_key");
    }
    if (!key.equals(app.key())) {
      throw ApiException.unauthorized(
          "Invalid auth_key '"
              + ApiException.printable(key)
              + "': it is not the key of app "
              + app.id());
    }
  }

  private void checkTimestamp(ApiRequest request) {
    String given = request.param(ApiSignature.AUTH_TIMESTAMP);
    if (given == null || given.isEmpty()) {
      throw ApiException.unauthorized("Missing auth_timestamp: send the Unix time in seconds");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(given);
    } catch (NumberFormatException e) {
      throw ApiException.unauthorized(
          "Invalid auth_timestamp '"
              + ApiException.printable(given)
              + "': expected integer Unix seconds");
    }
    long now = clock.instant().getEpochSecond();
    // Compared without subtracting, so a huge timestamp cannot overflow into the window.
    if (timestamp < now - MAX_SKEW_SECONDS || timestamp > now + MAX_SKEW_SECONDS) {
      throw ApiException.unauthorized(
          (timestamp < now ? "Timestamp expired" : "Timestamp in the future")
              + ": given timestamp "
              + describe(timestamp)
              + " not within "
              + MAX_SKEW_SECONDS
              + " s of server time "
              + describe(now));
    }
  }

  private static void checkVersion(ApiRequest request) {
    String version = request.param(ApiSignature.AUTH_VERSION);
    if (version != null && !version.equals("1.0")) {
      throw ApiException.unauthorized(
          "Unsupported auth_version '"
              + ApiException.printable(version)
              + "': only 1.0 is supported");
    }
  }

  private static void checkBodyMd5(ApiRequest request) {
    String given = request.param(ApiSignature.BODY_MD5);
    if (given == null) {
      if (request.body().length > 0) {
        throw ApiException.unauthorized(
            "Missing body_md5: a request with a body must send the hex MD5 of the body");
      }
      return;
    }
    // Checked even for an empty body when sent: it is part of what was signed.
    String actual = Signatures.md5Hex(request.body());
    if (!actual.equals(given.toLowerCase(Locale.ROOT))) {
      throw ApiException.unauthorized(
          "Invalid body_md5: the body's MD5 is "
              + actual
              + ", but you sent '"
              + ApiException.printable(given)
              + "'");
    }
  }

  private static void checkSignature(ApiRequest request, App app) {
    String given = request.param(ApiSignature.AUTH_SIGNATURE);
    if (given == null || given.isEmpty()) {
      throw ApiException.unauthorized("Missing auth_signature");
    }
    Map<String, String> params = signedParams(request.query());
    String expected = ApiSignature.sign(app.secret(), request.method(), request.path(), params);
    if (!Signatures.constantTimeEquals(expected, given)) {
      String toSign = ApiSignature.signingString(request.method(), request.path(), params);
      throw ApiException.unauthorized(
          "Invalid signature: you should have sent HmacSHA256Hex(\""
              + toSign.replace("\n", "\\n")
              + "\", your_secret_key), but you sent \""
              + ApiException.printable(given)
              + "\"");
    }
  }

  /** Every query parameter but the signature; a repeated parameter is signed joined by ",". */
  private static Map<String, String> signedParams(Map<String, List<String>> query) {
    Map<String, String> params = new TreeMap<>();
    query.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase(ApiSignature.AUTH_SIGNATURE)) {
            params.put(name, String.join(",", values));
          }
        });
    return params;
  }

  private static String describe(long epochSeconds) {
    try {
      return epochSeconds + " (" + Instant.ofEpochSecond(epochSeconds) + ")";
    } catch (DateTimeException e) {
      return Long.toString(epochSeconds);
    }
  }
}
