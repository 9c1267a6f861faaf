package dev.herald;

import dev.herald.WebhookVerificationException.Reason;
import dev.herald.pusher.Signatures;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies and reads the webhooks a Pusher-compatible server POSTs to the app (protocol reference
 * §1.12): {@code X-Pusher-Key} must be the app key and {@code X-Pusher-Signature} the hex
 * HMAC-SHA256 of the <em>raw</em> body under the app secret. Verify before parsing, on the exact
 * bytes received: a body that was decoded and re-encoded (by a framework's JSON binding) will not
 * match.
 *
 * <pre>{@code
 * WebhookReceiver webhooks = new WebhookReceiver(appKey, appSecret);
 * WebhookBatch batch = webhooks.verify(
 *     request.header("X-Pusher-Key"), request.header("X-Pusher-Signature"), request.bodyBytes());
 * for (WebhookEvent event : batch.events()) {
 *   if (event instanceof WebhookEvent.MemberAdded added) { … }
 * }
 * }</pre>
 *
 * <p>Secret rotation: give every secret that may still sign, newest first; a signature valid under
 * any of them is accepted.
 *
 * <p>Immutable and thread-safe; {@link #verify} is pure computation (no I/O, no blocking).
 * Signatures are compared in constant time. Messages never contain a secret or the expected
 * signature; {@link #toString()} hides the secrets.
 */
public final class WebhookReceiver {
  /** The header that names the app key. */
  public static final String KEY_HEADER = "X-Pusher-Key";

  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "X-Pusher-Signature";

  private static final HexFormat HEX = HexFormat.of();

  private final String key;
  private final List<String> secrets;

  /**
   * A receiver for one app.
   *
   * @throws IllegalArgumentException when the key or secret is null or empty
   */
  public WebhookReceiver(String key, String secret) {
    this(key, secret == null ? null : List.of(secret));
  }

  /**
   * A receiver that accepts signatures under any of {@code secrets} (during a rotation).
   *
   * @throws IllegalArgumentException when the key is empty, or the list is empty or holds an empty
   *     secret
   */
  public WebhookReceiver(String key, List<String> secrets) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("the app key is missing");
    }
    if (secrets == null || secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one app secret is needed");
    }
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("an app secret is missing or empty");
      }
    }
    this.key = key;
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Checks a webhook request and parses its body.
   *
   * @param xPusherKey the {@code X-Pusher-Key} header
   * @param xPusherSignature the {@code X-Pusher-Signature} header
   * @param rawBody the request body exactly as received
   * @return the batch time and typed events
   * @throws WebhookVerificationException when a header is missing, the key is not this app's, the
   *     signature does not match, or (after a valid signature) the body is not a webhook body
   */
  public WebhookBatch verify(String xPusherKey, String xPusherSignature, byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (xPusherKey == null || xPusherKey.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADER, "the " + KEY_HEADER + " header is missing");
    }
    if (xPusherSignature == null || xPusherSignature.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADER, "the " + SIGNATURE_HEADER + " header is missing");
    }
    if (!Signatures.constantTimeEquals(key, xPusherKey)) {
      throw new WebhookVerificationException(
          Reason.UNKNOWN_KEY,
          KEY_HEADER
              + " '"
              + printable(xPusherKey)
              + "' is not this app's key: the webhook comes from another app or server");
    }
    String given = xPusherSignature.trim().toLowerCase(Locale.ROOT);
    boolean valid = false;
    for (String secret : secrets) {
      // No early exit: the time taken does not tell which secret matched.
      valid |=
          Signatures.constantTimeEquals(
              HEX.formatHex(Signatures.hmacSha256(secret, rawBody)), given);
    }
    if (!valid) {
      throw new WebhookVerificationException(
          Reason.BAD_SIGNATURE,
          SIGNATURE_HEADER
              + " does not match the "
              + rawBody.length
              + "-byte body under the app secret"
              + (secrets.size() > 1 ? "s" : "")
              + ": check the secret, and verify the raw body before any JSON decoding");
    }
    return WebhookParser.parse(rawBody);
  }

  private static String printable(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }

  /** Shows the key and how many secrets, never the secrets. */
  @Override
  public String toString() {
    return "WebhookReceiver[key=" + key + ", secrets=" + secrets.size() + "]";
  }
}
