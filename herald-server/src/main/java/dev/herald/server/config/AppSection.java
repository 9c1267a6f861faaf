package dev.herald.server.config;

import static java.util.Objects.requireNonNullElse;

import dev.herald.server.app.AllowedOrigins;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.app.AppLimits;
import dev.herald.server.app.Webhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One item of {@code apps:} as written; null components are absent keys. The durations are whole
 * seconds, except {@code webhook_batch_ms}.
 */
record AppSection(
    String id,
    String key,
    String secret,
    Boolean enabled,
    Boolean clientEvents,
    LimitsSection limits,
    Boolean watchlistEvents,
    Boolean subscriptionCountEvents,
    Long authorizedConnectionsTimeout,
    Long cacheTtl,
    Long webhookBatchMs,
    List<WebhookSection> webhooks,
    List<String> allowedOrigins) {

  AppSection {
    id = Scalars.text(id);
    key = Scalars.text(key);
    secret = Scalars.text(secret);
    webhooks = webhooks == null ? List.of() : Collections.unmodifiableList(webhooks);
  }

  /**
   * The app {@code section} describes, absent keys taken from {@link App#of}'s defaults.
   *
   * @throws ConfigException naming the key of the first invalid value, or when {@code section} is
   *     null ({@code - ~} in the list)
   */
  static App app(AppSection section, Where where) {
    if (section == null) {
      throw where.problem(ConfigFile.NOT_A_MAPPING);
    }
    return section.app(where);
  }

  private App app(Where where) {
    where.require("id", id, "key", key, "secret", secret);
    App d = App.of(id, key, secret);
    AppLimits appLimits =
        limits == null ? d.limits() : limits.over(d.limits(), where.child("limits"));
    AppFeatures features = features(d.features(), where);
    List<Webhook> hooks = new ArrayList<>();
    for (int i = 0; i < webhooks.size(); i++) {
      hooks.add(WebhookSection.webhook(webhooks.get(i), where.item("webhooks", i)));
    }
    return where.build(
        () ->
            new App(
                id,
                key,
                secret,
                requireNonNullElse(enabled, d.enabled()),
                requireNonNullElse(clientEvents, d.clientEvents()),
                appLimits,
                features,
                hooks,
                origins(where)));
  }

  private AllowedOrigins origins(Where where) {
    if (allowedOrigins == null) {
      return AllowedOrigins.ANY;
    }
    for (int i = 0; i < allowedOrigins.size(); i++) {
      if (Scalars.text(allowedOrigins.get(i)) == null) {
        throw where.invalid(
            "allowed_origins", "item " + i + " is empty: list origins, or \"*\" for any");
      }
    }
    try {
      return new AllowedOrigins(allowedOrigins);
    } catch (IllegalArgumentException e) {
      throw where.invalid("allowed_origins", e.getMessage());
    }
  }

  private AppFeatures features(AppFeatures d, Where where) {
    if (cacheTtl != null && cacheTtl == 0) {
      throw where.invalid("cache_ttl", "must be at least 1 (seconds), was 0");
    }
    return where.build(
        () ->
            new AppFeatures(
                requireNonNullElse(watchlistEvents, d.watchlistEvents()),
                requireNonNullElse(subscriptionCountEvents, d.subscriptionCountEvents()),
                authorizedConnectionsTimeout == null
                    ? d.authorizedConnectionTimeout()
                    : Duration.ofSeconds(authorizedConnectionsTimeout),
                cacheTtl == null ? d.cacheTtl() : Duration.ofSeconds(cacheTtl),
                webhookBatchMs == null
                    ? d.webhookBatchWindow()
                    : Duration.ofMillis(webhookBatchMs)));
  }
}
