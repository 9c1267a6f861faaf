package dev.herald.server.webhook;

import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.app.Webhook;
import dev.herald.server.testing.ManualScheduler;
import dev.herald.server.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sender on a manual scheduler, a controlled clock and a fake transport. */
final class WebhookFixture {
  static final String APP_ID = "1";
  static final String KEY = "app-key";
  static final String SECRET = "app-secret";

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final FakeTransport transport = new FakeTransport(clock);

  /** An endpoint for every event type, without filters or headers. */
  static Webhook endpoint(String url) {
    return new Webhook(URI.create(url), Set.of(), null, null, Map.of());
  }

  /** An endpoint for some event types. */
  static Webhook endpoint(String url, String... types) {
    return new Webhook(URI.create(url), Set.of(types), null, null, Map.of());
  }

  /** The app with these endpoints and a batch window. */
  static App app(Duration batchWindow, Webhook... webhooks) {
    AppFeatures d = AppFeatures.DEFAULTS;
    return App.of(APP_ID, KEY, SECRET)
        .withFeatures(
            new AppFeatures(
                d.watchlistEvents(),
                d.subscriptionCountEvents(),
                d.authorizedConnectionTimeout(),
                d.cacheTtl(),
                batchWindow))
        .withWebhooks(Arrays.asList(webhooks));
  }

  /** A sender for the app with these endpoints, no batching, default settings. */
  HttpWebhookSender sender(Webhook... webhooks) {
    return sender(WebhookSettings.DEFAULTS, app(Duration.ZERO, webhooks));
  }

  /** As {@link #sender(Webhook...)}, with the comeback delay decided by {@code comebacks}. */
  HttpWebhookSender sender(Comebacks comebacks, Webhook... webhooks) {
    return new HttpWebhookSender(
        new StaticAppRegistry(List.of(app(Duration.ZERO, webhooks))),
        clock,
        scheduler,
        scheduler,
        transport,
        WebhookSettings.DEFAULTS,
        comebacks);
  }

  HttpWebhookSender sender(WebhookSettings settings, App... apps) {
    return new HttpWebhookSender(
        new StaticAppRegistry(List.of(apps)), clock, scheduler, scheduler, transport, settings);
  }

  /** The defaults with another capacity and batch size. */
  static WebhookSettings settings(int capacity, int maxBatchEvents) {
    WebhookSettings d = WebhookSettings.DEFAULTS;
    return new WebhookSettings(
        d.comebackDelay(),
        d.initialBackoff(),
        d.maxBackoff(),
        d.retryFor(),
        d.requestTimeout(),
        capacity,
        maxBatchEvents,
        d.deliveryThreads(),
        d.closeTimeout());
  }

  long now() {
    return clock.millis();
  }
}
