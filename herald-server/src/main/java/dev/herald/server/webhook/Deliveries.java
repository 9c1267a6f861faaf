package dev.herald.server.webhook;

import dev.herald.server.timer.Scheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed requests of a {@link HttpWebhookSender} from their first attempt until a 2xx or until
 * they are given up, and the count of events they hold, which bounds the sender's memory.
 *
 * <p>A non-2xx answer, a timeout or an I/O error is retried with {@link WebhookSettings#backoff}
 * and the same body and signature while the retry would start within {@link
 * WebhookSettings#retryFor()} of the first attempt; after that the request is given up, counted and
 * logged (app id, host and last answer; never headers or body). The HTTP calls run on the delivery
 * threads, never on the timer, which only hands retries over. Thread-safe.
 */
final class Deliveries {
  private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);

  private final Clock clock;
  private final Scheduler timers;
  private final ExecutorService threads;
  private final WebhookTransport transport;
  private final WebhookSettings settings;
  private final Set<Delivery> outstanding = ConcurrentHashMap.newKeySet();
  private final AtomicInteger waiting = new AtomicInteger();
  private final LongAdder failed = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LogThrottle failLog;
  private volatile boolean retrying = true;
  private volatile WebhookOutcomes outcomes = WebhookOutcomes.NONE;

  /**
   * @param timers waits the backoff between attempts
   * @param threads makes the HTTP calls (see {@link #threads}); shut down by {@link #shutdown}
   */
  Deliveries(
      Clock clock,
      Scheduler timers,
      ExecutorService threads,
      WebhookTransport transport,
      WebhookSettings settings) {
    this.clock = clock;
    this.timers = timers;
    this.threads = threads;
    this.transport = transport;
    this.settings = settings;
    this.failLog = new LogThrottle(clock, Duration.ofSeconds(10));
  }

  /** Tells {@code listener} how each request ends from now on. */
  void outcomes(WebhookOutcomes listener) {
    this.outcomes = listener;
  }

  /** Makes room for one more event; false when {@link WebhookSettings#capacity()} are waiting. */
  boolean reserve() {
    if (waiting.incrementAndGet() > settings.capacity()) {
      waiting.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Events reserved and not yet delivered or given up. */
  int waiting() {
    return waiting.get();
  }

  /** Hands {@code request}, whose events were reserved, to a delivery thread. Never blocks. */
  void submit(WebhookRequest request) {
    Delivery delivery = new Delivery(request);
    outstanding.add(delivery);
    execute(delivery);
  }

  /** A fixed pool of {@code count} daemon delivery threads, {@code herald-webhook-1} and on. */
  static ExecutorService threads(int count) {
    AtomicInteger created = new AtomicInteger();
    return Executors.newFixedThreadPool(
        count,
        task -> {
          Thread thread = new Thread(task, "herald-webhook-" + created.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Takes no more attempts, lets running and queued ones finish for at most {@code timeout}, then
   * interrupts what is left.
   *
   * @return whether every attempt finished in time
   */
  boolean shutdown(Duration timeout) {
    threads.shutdown();
    try {
      if (threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    threads.shutdownNow();
    return false;
  }

  long failed() {
    return failed.sum();
  }

  long delivered() {
    return delivered.sum();
  }

  /** From now on a failed attempt is given up instead of retried (shutdown). */
  void stopRetrying() {
    retrying = false;
  }

  /** Gives up every request still outstanding (after the threads stopped); returns how many. */
  int abandon() {
    int left = 0;
    for (Delivery delivery : outstanding) {
      if (finish(delivery)) {
        left++;
      }
    }
    failed.add(left);
    return left;
  }

  private void attempt(Delivery delivery) {
    WebhookRequest request = delivery.request;
    if (delivery.firstAttempt == null) {
      delivery.firstAttempt = clock.instant();
    }
    delivery.attempts++;
    String answer;
    try {
      int status = transport.post(request);
      if (status >= 200 && status < 300) {
        if (finish(delivery)) {
          delivered.increment();
          outcomes.outcome(
              request.appId(), request.host(), true, request.eventCount(), delivery.attempts, null);
        }
        return;
      }
      answer = "HTTP " + status;
    } catch (IOException e) {
      answer = e.getClass().getSimpleName(); // not the message: it may quote the URL
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      giveUp(delivery, "interrupted at shutdown");
      return;
    } catch (RuntimeException e) {
      giveUp(delivery, e.getClass().getSimpleName()); // e.g. a header the client refuses
      return;
    }
    Duration wait = settings.backoff(delivery.attempts);
    Instant deadline = delivery.firstAttempt.plus(settings.retryFor());
    if (!retrying || clock.instant().plus(wait).isAfter(deadline)) {
      giveUp(delivery, answer);
      return;
    }
    log.debug("{} got {}; retry {} in {}", request, answer, delivery.attempts, wait);
    // The timer only hands over: the HTTP call itself runs on a delivery thread.
    timers.schedule(() -> execute(delivery), wait);
  }

  private void execute(Delivery delivery) {
    try {
      threads.execute(() -> attempt(delivery));
    } catch (RejectedExecutionException e) {
      // Shut down: abandon() counts what could not finish.
    }
  }

  private void giveUp(Delivery delivery, String lastAnswer) {
    if (!finish(delivery)) {
      return;
    }
    failed.increment();
    WebhookRequest request = delivery.request;
    outcomes.outcome(
        request.appId(),
        request.host(),
        false,
        request.eventCount(),
        delivery.attempts,
        lastAnswer);
    if (failLog.allow()) {
      log.warn(
          "webhook to {} for app {} dropped after {} attempts over {} s, last answer: {}"
              + " ({} requests dropped so far)",
          request.host(),
          request.appId(),
          delivery.attempts,
          Duration.between(delivery.firstAttempt, clock.instant()).toSeconds(),
          lastAnswer,
          failed.sum());
    }
  }

  /** Forgets a delivery and frees its events; false when another thread finished it already. */
  private boolean finish(Delivery delivery) {
    if (!outstanding.remove(delivery)) {
      return false;
    }
    waiting.addAndGet(-delivery.request.eventCount());
    return true;
  }

  /** One request and its attempts; compared by identity; one thread at a time touches it. */
  private static final class Delivery {
    final WebhookRequest request;
    Instant firstAttempt;
    int attempts;

    Delivery(WebhookRequest request) {
      this.request = request;
    }
  }
}
