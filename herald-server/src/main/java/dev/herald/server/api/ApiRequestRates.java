package dev.herald.server.api;

import dev.herald.server.app.App;
import dev.herald.server.app.RateLimiter;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each app's budget of signed HTTP API requests on this node ({@code
 * limits.api_requests_per_second}): a token bucket per app, so bursts up to the rate pass at once.
 * Only authenticated requests count, so nobody without the secret can spend an app's budget.
 * Thread-safe.
 */
final class ApiRequestRates {
  private final Clock clock;
  private final ConcurrentHashMap<String, Budget> budgets = new ConcurrentHashMap<>();

  /** One app's bucket, remade when the app's rate changes (a reload). */
  private record Budget(int perSecond, RateLimiter bucket) {}

  ApiRequestRates(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes one request from {@code app}'s budget.
   *
   * @throws ApiException 429 with {@code Retry-After: 1} when the budget is spent
   */
  void acquire(App app) {
    int rate = app.limits().apiRequestsPerSecond();
    long now = clock.millis();
    Budget budget =
        budgets.compute(
            app.id(),
            (id, old) ->
                old != null && old.perSecond() == rate
                    ? old
                    : new Budget(rate, new RateLimiter(rate, now)));
    boolean allowed;
    synchronized (budget) {
      allowed = budget.bucket().tryAcquire(now);
    }
    if (!allowed) {
      throw new ApiException(
          429,
          "Too many requests: app "
              + app.id()
              + " may make "
              + rate
              + " HTTP API requests per second (limits.api_requests_per_second); retry after"
              + " 1 second",
          1);
    }
  }
}
