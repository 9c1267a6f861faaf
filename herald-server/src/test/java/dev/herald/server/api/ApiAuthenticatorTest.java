package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.APP_ID;
import static dev.herald.server.api.ApiFixture.KEY;
import static dev.herald.server.api.ApiFixture.NOW;
import static dev.herald.server.api.ApiFixture.SECRET;
import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.ApiSignature;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Request authentication of §1.11, driven through {@link HttpApi#handle}. */
class ApiAuthenticatorTest {
  // Every response is also checked by ApiFixture.send never to contain the secret.
  private static final String PATH = "/apps/3/events";
  private static final String DOCS_BODY =
      "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

  private final ApiFixture api =
      new ApiFixture(new App("4", "key-4", "secret-4", false, true, AppLimits.DEFAULTS));

  @Test
  void acceptsTheDocsVectorRequest() {
    ApiFixture.FakeSubscriber subscriber = api.subscribe("project-3", "1.1");
    Map<String, String> params =
        Map.of(
            "auth_key", KEY,
            "auth_timestamp", "1353088179",
            "auth_version", "1.0",
            "body_md5", "ec365a775a4cd0599faeb73354201b6f",
            "auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");

    assertOk(api.send("POST", PATH, params, DOCS_BODY), "{}");
    assertThat(subscriber.received)
        .containsExactly(
            ApiFixture.parse(
                "{\"event\":\"foo\",\"channel\":\"project-3\",\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"));
  }

  @Test
  void rejectsUnknownAppId() {
    assertError(api.post("/apps/99/events", DOCS_BODY), 404, "Unknown app id '99'");
  }

  @Test
  void rejectsDisabledApp() {
    Map<String, String> params =
        ApiSignature.signedParams(
            "key-4", "secret-4", "GET", "/apps/4/channels", Map.of(), "", NOW);
    assertError(api.send("GET", "/apps/4/channels", params, ""), 403, "App 4 is disabled");
  }

  @Test
  void rejectsMissingAuthKey() {
    Map<String, String> params = without(signed(DOCS_BODY, NOW), "auth_key");
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Missing auth_key");
  }

  @Test
  void rejectsWrongAuthKey() {
    Map<String, String> params =
        ApiSignature.signedParams("other-key", SECRET, "POST", PATH, Map.of(), DOCS_BODY, NOW);
    assertError(
        api.send("POST", PATH, params, DOCS_BODY),
        401,
        "Invalid auth_key 'other-key'",
        "app " + APP_ID);
  }

  @Test
  void rejectsMissingTimestamp() {
    Map<String, String> params = without(signed(DOCS_BODY, NOW), "auth_timestamp");
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Missing auth_timestamp");
  }

  @Test
  void rejectsTimestampThatIsNotAnInteger() {
    Map<String, String> params = new TreeMap<>(Map.of("auth_key", KEY, "auth_timestamp", "12.5"));
    assertError(
        api.send("POST", PATH, params, DOCS_BODY),
        401,
        "Invalid auth_timestamp '12.5'",
        "integer Unix seconds");
  }

  @Test
  void rejectsExpiredTimestamp() {
    long then = NOW - 601;
    assertError(
        api.send("POST", PATH, signed(DOCS_BODY, then), DOCS_BODY),
        401,
        "Timestamp expired",
        Long.toString(then),
        "600 s",
        "server time " + NOW + " (2012-11-16T17:49:39Z)");
  }

  @Test
  void rejectsTimestampTooFarInTheFuture() {
    assertError(
        api.send("POST", PATH, signed(DOCS_BODY, NOW + 601), DOCS_BODY),
        401,
        "Timestamp in the future",
        Long.toString(NOW + 601));
  }

  @Test
  void rejectsAbsurdTimestampWithoutOverflowing() {
    Map<String, String> params = signed(DOCS_BODY, Long.MAX_VALUE);
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, Long.toString(Long.MAX_VALUE));
  }

  @Test
  void acceptsTimestampsAtTheEdgesOfTheWindow() {
    assertOk(api.send("POST", PATH, signed(DOCS_BODY, NOW - 600), DOCS_BODY), "{}");
    assertOk(api.send("POST", PATH, signed(DOCS_BODY, NOW + 600), DOCS_BODY), "{}");
  }

  @Test
  void rejectsUnsupportedAuthVersion() {
    Map<String, String> params = new TreeMap<>(signed(DOCS_BODY, NOW));
    params.put("auth_version", "2.0");
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Unsupported auth_version '2.0'");
  }

  @Test
  void rejectsBodyWithoutBodyMd5() {
    Map<String, String> params = without(signed(DOCS_BODY, NOW), "body_md5");
    params.put("auth_signature", ApiSignature.sign(SECRET, "POST", PATH, params));
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Missing body_md5");
  }

  @Test
  void rejectsBadBodyMd5() {
    Map<String, String> params = new TreeMap<>(signed(DOCS_BODY, NOW));
    params.put("body_md5", "00000000000000000000000000000000");
    params.put("auth_signature", ApiSignature.sign(SECRET, "POST", PATH, params));
    assertError(
        api.send("POST", PATH, params, DOCS_BODY),
        401,
        "Invalid body_md5: the body's MD5 is ec365a775a4cd0599faeb73354201b6f",
        "00000000000000000000000000000000");
  }

  @Test
  void rejectsTamperedBody() {
    api.subscribe("project-3", "1.1");
    String tampered = DOCS_BODY.replace("foo", "bar");
    assertError(api.send("POST", PATH, signed(DOCS_BODY, NOW), tampered), 401, "Invalid body_md5");
    assertThat(api.broker.published).isEmpty();
  }

  @Test
  void rejectsBadSignatureShowingTheStringToSign() {
    Map<String, String> params = new TreeMap<>(signed(DOCS_BODY, NOW));
    params.put("auth_signature", "deadbeef");
    assertError(
        api.send("POST", PATH, params, DOCS_BODY),
        401,
        "Invalid signature: you should have sent HmacSHA256Hex(\"POST\\n/apps/3/events\\n"
            + "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
            + "&body_md5=ec365a775a4cd0599faeb73354201b6f\", your_secret_key),"
            + " but you sent \"deadbeef\"");
  }

  @Test
  void rejectsSignatureMadeWithAnotherSecret() {
    Map<String, String> params =
        ApiSignature.signedParams(KEY, "not-the-secret", "POST", PATH, Map.of(), DOCS_BODY, NOW);
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Invalid signature");
  }

  @Test
  void rejectsMissingSignature() {
    Map<String, String> params = without(signed(DOCS_BODY, NOW), "auth_signature");
    assertError(api.send("POST", PATH, params, DOCS_BODY), 401, "Missing auth_signature");
  }

  @Test
  void rejectsQueryParameterAddedAfterSigning() {
    Map<String, String> params =
        new TreeMap<>(ApiFixture.sign("GET", "/apps/3/channels", Map.of(), ""));
    params.put("filter_by_prefix", "presence-");
    assertError(
        api.send("GET", "/apps/3/channels", params, ""),
        401,
        "Invalid signature",
        "filter_by_prefix=presence-");
  }

  @Test
  void rejectsSignatureForAnotherPath() {
    Map<String, String> params = ApiFixture.sign("GET", "/apps/3/channels", Map.of(), "");
    assertError(api.send("GET", "/apps/3/channels/foo", params, ""), 401, "Invalid signature");
  }

  @Test
  void signsRepeatedParametersJoinedWithCommas() {
    Map<String, String> signed =
        ApiFixture.sign(
            "GET",
            "/apps/3/channels",
            Map.of("info", "user_count,subscription_count", "filter_by_prefix", "presence-"),
            "");
    Map<String, List<String>> query = new TreeMap<>();
    signed.forEach((k, v) -> query.put(k, List.of(v)));
    query.put("info", List.of("user_count", "subscription_count"));
    assertOk(api.sendMulti("GET", "/apps/3/channels", query, ""), "{\"channels\":{}}");
  }

  @Test
  void acceptsBodyMd5OfAnEmptyBody() {
    Map<String, String> params =
        new TreeMap<>(Map.of("auth_key", KEY, "auth_timestamp", Long.toString(NOW)));
    params.put("body_md5", "d41d8cd98f00b204e9800998ecf8427e");
    params.put("auth_signature", ApiSignature.sign(SECRET, "GET", "/apps/3/channels", params));
    assertOk(api.send("GET", "/apps/3/channels", params, ""), "{\"channels\":{}}");
  }

  @Test
  void acceptsRequestsWithoutAuthVersion() {
    Map<String, String> params =
        without(ApiFixture.sign("GET", "/apps/3/channels", Map.of(), ""), "auth_version");
    params.put("auth_signature", ApiSignature.sign(SECRET, "GET", "/apps/3/channels", params));
    assertOk(api.send("GET", "/apps/3/channels", params, ""), "{\"channels\":{}}");
  }

  private static Map<String, String> signed(String body, long timestamp) {
    return ApiSignature.signedParams(KEY, SECRET, "POST", PATH, Map.of(), body, timestamp);
  }

  private static Map<String, String> without(Map<String, String> params, String name) {
    Map<String, String> copy = new TreeMap<>(params);
    copy.remove(name);
    return copy;
  }
}
