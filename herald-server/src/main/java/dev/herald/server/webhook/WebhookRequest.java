package dev.herald.server.webhook;

import dev.herald.WebhookBatch;
import dev.herald.WebhookEvent;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One signed webhook POST, ready to send and to resend unchanged on retry. Immutable (the body
 * array is never modified). {@link #toString()} shows neither headers (they may carry credentials)
 * nor the body.
 *
 * @param appId the app it belongs to, for logs
 * @param url the endpoint
 * @param headers every request header, the signature included
 * @param body the exact bytes that were signed
 * @param eventCount how many events the body holds
 */
record WebhookRequest(
    String appId, URI url, Map<String, String> headers, byte[] body, int eventCount) {
  static final String KEY_HEADER = "X-Pusher-Key";
  static final String SIGNATURE_HEADER = "X-Pusher-Signature";
  static final String CONTENT_TYPE_HEADER = "Content-Type";

  WebhookRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * The request for {@code events} to {@code webhook}: body {@code {"time_ms", "events"}}, {@code
   * X-Pusher-Key} the app key and {@code X-Pusher-Signature} the hex HMAC-SHA256 of the body with
   * the app secret (protocol reference §1.12), after the endpoint's own headers (which cannot
   * replace these three).
   */
  static WebhookRequest signed(App app, Webhook webhook, List<WebhookEvent> events, long timeMs) {
    byte[] body = new WebhookBatch(timeMs, events).toJson();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(webhook.headers());
    headers.remove(CONTENT_TYPE_HEADER);
    headers.remove(KEY_HEADER);
    headers.remove(SIGNATURE_HEADER);
    headers.put(CONTENT_TYPE_HEADER, "application/json");
    headers.put(KEY_HEADER, app.key());
    headers.put(
        SIGNATURE_HEADER, HexFormat.of().formatHex(Signatures.hmacSha256(app.secret(), body)));
    return new WebhookRequest(app.id(), webhook.url(), headers, body, events.size());
  }

  /** The endpoint's host, which is what logs show of it (the path or query may hold a token). */
  String host() {
    return url.getHost();
  }

  @Override
  public String toString() {
    return "WebhookRequest[app=" + appId + ", host=" + host() + ", events=" + eventCount + "]";
  }
}
