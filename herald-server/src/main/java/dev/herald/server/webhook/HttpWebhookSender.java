package dev.herald.server.webhook;

import dev.herald.WebhookEvent;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.Webhook;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.timer.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WebhookSender} that POSTs over HTTP, fed by the server's {@link LifecycleEvent}s.
 *
 * <ul>
 *   <li><b>Comeback delay.</b> {@code channel_vacated} and {@code member_removed} are held for
 *       {@link WebhookSettings#comebackDelay()} (3 s). If the same channel is occupied again (for
 *       {@code member_removed}: the same user is added again to the same channel) within the delay,
 *       both the held event and the arrival are dropped: to the receiver, nothing happened. This
 *       hides page reloads and short reconnects, as Pusher does. In a cluster the comeback may
 *       happen on another node: then the {@link Comebacks} of the cluster decide.
 *   <li><b>Batching.</b> Per app and endpoint, events are collected for the app's {@code
 *       webhookBatchWindow}, counted from the first event of a batch, and sent as one request (at
 *       most {@link WebhookSettings#maxBatchEvents()}; a full batch goes at once). A zero window
 *       sends one event per request.
 *   <li><b>Retries.</b> A non-2xx answer, a timeout or an I/O error is retried with exponential
 *       backoff (1, 2, 4 … s up to {@link WebhookSettings#maxBackoff()}) with the same body and
 *       signature, until {@link WebhookSettings#retryFor()} after the first attempt; then the
 *       request is dropped, counted in {@link #failedDeliveries()} and logged (app id, host, last
 *       answer; never the secret, headers or body).
 *   <li><b>Bounds.</b> At most {@link WebhookSettings#capacity()} events wait at once; more are
 *       dropped, counted in {@link #droppedEvents()} and logged at most every 10 s. Nothing here
 *       ever blocks the caller; HTTP calls run on the sender's own delivery threads, and the
 *       server's {@link Scheduler} only keeps the time (delays, windows, backoff).
 * </ul>
 *
 * <p>Thread-safe. The server calls {@link #on} from the lifecycle dispatcher thread.
 */
public final class HttpWebhookSender implements WebhookSender, LifecycleListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);

  private final AppRegistry apps;
  private final Clock clock;
  private final Scheduler timers;
  private final WebhookSettings settings;
  private final Object lock = new Object();
  private final Map<DepartureKey, Departure> departures = new HashMap<>(); // guarded by lock
  private final Map<EndpointKey, Batch> batches = new HashMap<>(); // guarded by lock
  private final Deliveries deliveries;
  private final LongAdder dropped = new LongAdder();
  private final LogThrottle dropLog;
  private final Comebacks comebacks;
  private volatile boolean closed;

  HttpWebhookSender(
      AppRegistry apps,
      Clock clock,
      Scheduler timers,
      ExecutorService deliveryThreads,
      WebhookTransport transport,
      WebhookSettings settings) {
    this(apps, clock, timers, deliveryThreads, transport, settings, Comebacks.LOCAL);
  }

  /**
   * @param timers the server's timer: comeback delays, batch windows, retry backoff
   * @param deliveryThreads where the HTTP calls run; the sender shuts them down at {@link #close}
   */
  HttpWebhookSender(
      AppRegistry apps,
      Clock clock,
      Scheduler timers,
      ExecutorService deliveryThreads,
      WebhookTransport transport,
      WebhookSettings settings,
      Comebacks comebacks) {
    this.comebacks = comebacks;
    this.apps = apps;
    this.clock = clock;
    this.timers = timers;
    this.settings = settings;
    this.deliveries = new Deliveries(clock, timers, deliveryThreads, transport, settings);
    this.dropLog = new LogThrottle(clock, Duration.ofSeconds(10));
  }

  /**
   * A sender for {@code apps} that keeps time on {@code timers} and makes its HTTP calls on {@link
   * WebhookSettings#deliveryThreads()} threads of its own, or empty when no app has a webhook (then
   * no thread is started).
   */
  public static Optional<HttpWebhookSender> forApps(
      AppRegistry apps, Clock clock, WebhookSettings settings, Scheduler timers) {
    return forApps(apps, clock, settings, Comebacks.LOCAL, timers);
  }

  /**
   * As {@link #forApps(AppRegistry, Clock, WebhookSettings, Scheduler)}, with the comeback delay
   * decided by {@code comebacks}.
   */
  public static Optional<HttpWebhookSender> forApps(
      AppRegistry apps,
      Clock clock,
      WebhookSettings settings,
      Comebacks comebacks,
      Scheduler timers) {
    if (!anyWebhooks(apps)) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpWebhookSender(
            apps,
            clock,
            timers,
            Deliveries.threads(settings.deliveryThreads()),
            new HttpClientTransport(settings.requestTimeout()),
            settings,
            comebacks));
  }

  /** Whether any app has a webhook endpoint (else no sender is needed). */
  public static boolean anyWebhooks(AppRegistry apps) {
    return apps.all().stream().anyMatch(app -> !app.webhooks().isEmpty());
  }

  /** Sends the webhook event for {@code event}, if it has one. Never blocks. */
  @Override
  public void on(LifecycleEvent event) {
    LifecycleWebhooks.webhookFor(event).ifPresent(e -> send(event.appId(), e));
  }

  @Override
  public void send(String appId, WebhookEvent event) {
    // Asked for every arrival, endpoints or not: the cluster answers once per arrival.
    boolean arrival = LifecycleWebhooks.isArrival(event);
    boolean comeback = arrival && comebacks.cancelledADeparture(appId, event);
    App app = apps.findById(appId).orElse(null);
    if (app == null || app.webhooks().isEmpty()) {
      return;
    }
    List<Batch> ready;
    synchronized (lock) {
      if (closed) {
        drop(app, event, (int) app.webhooks().stream().filter(w -> accepts(w, event)).count());
        return;
      }
      DepartureKey key = DepartureKey.of(appId, event);
      if (LifecycleWebhooks.isDeparture(event)) {
        hold(key, app, event);
        return;
      }
      // A departure held here is cancelled here even when the cluster could not tell (Redis away).
      if (arrival && (departures.remove(key) != null || comeback)) {
        // Back within the delay: neither the departure nor this arrival is reported (§1.12).
        log.debug("app {}: {} on {} within the comeback delay", appId, event.name(), key);
        return;
      }
      ready = route(app, event);
    }
    ready.forEach(this::deliver);
  }

  @Override
  public long droppedEvents() {
    return dropped.sum();
  }

  /** Tells {@code listener} how each webhook request ends (delivered or given up). */
  public void onOutcome(WebhookOutcomes listener) {
    deliveries.outcomes(listener);
  }

  @Override
  public long failedDeliveries() {
    return deliveries.failed();
  }

  @Override
  public long deliveredRequests() {
    return deliveries.delivered();
  }

  /**
   * Stops taking events; sends the held departures (nobody can come back now) and every open batch
   * at once, with one attempt each; waits at most {@link WebhookSettings#closeTimeout()} for the
   * deliveries, then counts what is left as failed.
   */
  @Override
  public void close() {
    List<Batch> ready = new ArrayList<>();
    List<Departure> held;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      held = new ArrayList<>(departures.values());
      departures.clear();
      ready.addAll(batches.values());
      batches.clear();
    }
    // Nobody can come back to this node now; in a cluster they may have come back elsewhere.
    List<CompletableFuture<Boolean>> due = held.stream().map(this::stillDue).toList();
    for (int i = 0; i < held.size(); i++) {
      if (due.get(i).join()) {
        synchronized (lock) {
          ready.addAll(route(held.get(i).app, held.get(i).event));
        }
      }
    }
    deliveries.stopRetrying();
    ready.forEach(this::deliver);
    deliveries.shutdown(settings.closeTimeout());
    int left = deliveries.abandon();
    if (left > 0) {
      log.warn("{} webhook requests were not delivered before shutdown", left);
    }
  }

  private void hold(DepartureKey key, App app, WebhookEvent event) {
    if (!departures.containsKey(key) && departures.size() >= settings.capacity()) {
      drop(app, event, 1);
      return;
    }
    Departure departure = new Departure(app, event);
    departures.put(key, departure);
    timers.schedule(() -> release(key, departure), settings.comebackDelay());
  }

  private void release(DepartureKey key, Departure departure) {
    synchronized (lock) {
      // Identity, not equality: an older timer must not release a newer departure.
      if (departures.get(key) != departure) {
        return;
      }
      departures.remove(key);
    }
    stillDue(departure)
        .thenAccept(
            due -> {
              if (!due) {
                log.debug("app {}: {} came back elsewhere", departure.app.id(), key);
                return;
              }
              List<Batch> ready;
              synchronized (lock) {
                ready = route(departure.app, departure.event);
              }
              ready.forEach(this::deliver);
            });
  }

  /** Whether a held departure must be sent; true when the cluster cannot tell within 2 s. */
  private CompletableFuture<Boolean> stillDue(Departure departure) {
    if (!comebacks.shared()) {
      return CompletableFuture.completedFuture(true);
    }
    return comebacks
        .stillDue(departure.app.id(), departure.event)
        .exceptionally(error -> true)
        .completeOnTimeout(true, 2, TimeUnit.SECONDS);
  }

  /** Adds {@code event} to the batch of every endpoint that accepts it; returns batches to send. */
  private List<Batch> route(App app, WebhookEvent event) {
    List<Batch> ready = new ArrayList<>();
    Duration window = app.features().webhookBatchWindow();
    List<Webhook> webhooks = app.webhooks();
    for (int i = 0; i < webhooks.size(); i++) {
      Webhook webhook = webhooks.get(i);
      if (!accepts(webhook, event)) {
        continue;
      }
      if (!deliveries.reserve()) {
        drop(app, event, 1);
        continue;
      }
      EndpointKey key = new EndpointKey(app.id(), i);
      Batch batch = batches.get(key);
      if (batch == null) {
        batch = new Batch(app, webhook);
        if (!window.isZero() && !closed) {
          batches.put(key, batch);
          Batch scheduled = batch;
          timers.schedule(() -> flush(key, scheduled), window);
        }
      }
      batch.events.add(event);
      if (batches.get(key) != batch || batch.events.size() >= settings.maxBatchEvents()) {
        batches.remove(key, batch);
        ready.add(batch);
      }
    }
    return ready;
  }

  private static boolean accepts(Webhook webhook, WebhookEvent event) {
    // An event of no known type is not Herald's to send (send never fails, so it is not refused).
    return event.type().map(type -> webhook.accepts(type, event.channel())).orElse(false);
  }

  private void flush(EndpointKey key, Batch batch) {
    synchronized (lock) {
      if (!batches.remove(key, batch)) {
        return; // sent already: it filled up, or close() took it
      }
    }
    deliver(batch);
  }

  /** Signs the batch (on the caller's thread) and hands the POST to a delivery thread. */
  private void deliver(Batch batch) {
    deliveries.submit(
        WebhookRequest.signed(batch.app, batch.webhook, batch.events, clock.millis()));
  }

  private void drop(App app, WebhookEvent event, int copies) {
    if (copies == 0) {
      return;
    }
    dropped.add(copies);
    if (dropLog.allow()) {
      log.warn(
          "webhook queue full or closed ({} events waiting): dropped {} events so far,"
              + " latest {} of app {}",
          deliveries.waiting(),
          dropped.sum(),
          event.name(),
          app.id());
    }
  }

  /** What a departure and the arrival that cancels it share; {@code userId} null for channels. */
  private record DepartureKey(String appId, String channel, String userId) {
    static DepartureKey of(String appId, WebhookEvent event) {
      return new DepartureKey(appId, event.channel(), LifecycleWebhooks.member(event));
    }
  }

  /** One endpoint of one app: its index in the app's list. */
  private record EndpointKey(String appId, int index) {}

  /** A held departure; compared by identity. */
  private static final class Departure {
    final App app;
    final WebhookEvent event;

    Departure(App app, WebhookEvent event) {
      this.app = app;
      this.event = event;
    }
  }

  /** Events collected for one endpoint; compared by identity; guarded by the lock until sent. */
  private static final class Batch {
    final App app;
    final Webhook webhook;
    final List<WebhookEvent> events = new ArrayList<>();

    Batch(App app, Webhook webhook) {
      this.app = app;
      this.webhook = webhook;
    }
  }
}
