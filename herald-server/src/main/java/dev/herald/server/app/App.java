package dev.herald.server.app;

import java.util.List;
import java.util.Objects;

/**
 * One application: its credentials, switches and limits. Immutable; the secret never appears in
 * {@link #toString()}.
 *
 * @param id the app id used in HTTP API paths ({@code /apps/{id}/…})
 * @param key the public key clients connect with ({@code /app/{key}})
 * @param secret the signing secret
 * @param enabled whether connections and API calls are accepted (4003 / 403 otherwise)
 * @param clientEvents whether clients may trigger {@code client-} events
 * @param limits this app's limits
 * @param features this app's opt-in protocol features
 * @param webhooks where this app's webhooks go (none by default)
 * @param allowedOrigins the browser origins it accepts connections from (any by default)
 */
public record App(
    String id,
    String key,
    String secret,
    boolean enabled,
    boolean clientEvents,
    AppLimits limits,
    AppFeatures features,
    List<Webhook> webhooks,
    AllowedOrigins allowedOrigins) {

  public App {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(features, "features");
    webhooks = List.copyOf(webhooks);
    Objects.requireNonNull(allowedOrigins, "allowedOrigins");
  }

  /** An app that accepts connections from any origin. */
  public App(
      String id,
      String key,
      String secret,
      boolean enabled,
      boolean clientEvents,
      AppLimits limits,
      AppFeatures features,
      List<Webhook> webhooks) {
    this(id, key, secret, enabled, clientEvents, limits, features, webhooks, AllowedOrigins.ANY);
  }

  /** An app with the default features and no webhooks. */
  public App(
      String id,
      String key,
      String secret,
      boolean enabled,
      boolean clientEvents,
      AppLimits limits) {
    this(id, key, secret, enabled, clientEvents, limits, AppFeatures.DEFAULTS, List.of());
  }

  /** A copy with other features. */
  public App withFeatures(AppFeatures newFeatures) {
    return new App(
        id, key, secret, enabled, clientEvents, limits, newFeatures, webhooks, allowedOrigins);
  }

  /** A copy with other webhooks. */
  public App withWebhooks(List<Webhook> newWebhooks) {
    return new App(
        id, key, secret, enabled, clientEvents, limits, features, newWebhooks, allowedOrigins);
  }

  /** A copy that accepts connections from other origins. */
  public App withAllowedOrigins(AllowedOrigins origins) {
    return new App(id, key, secret, enabled, clientEvents, limits, features, webhooks, origins);
  }

  /** An enabled app with client events on and the default limits. */
  public static App of(String id, String key, String secret) {
    return new App(id, key, secret, true, true, AppLimits.DEFAULTS);
  }

  @Override
  public String toString() {
    return "App[id=" + id + ", key=" + key + ", enabled=" + enabled + "]";
  }
}
