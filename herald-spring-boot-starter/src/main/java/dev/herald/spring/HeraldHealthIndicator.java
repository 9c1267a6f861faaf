package dev.herald.spring;

import dev.herald.Broadcaster;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the {@link Broadcaster} bean can reach where it sends ({@link Broadcaster#ping()}: a
 * signed API request to Herald or Pusher, {@code PING} to Redis): {@code herald} in {@code
 * /actuator/health}, DOWN with the reason when it cannot, or gives no answer within the timeout.
 */
final class HeraldHealthIndicator implements HealthIndicator {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Broadcaster broadcaster;
  private final String driver;

  HeraldHealthIndicator(Broadcaster broadcaster, String driver) {
    this.broadcaster = broadcaster;
    this.driver = driver;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder().withDetail("driver", driver);
    try {
      broadcaster.ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return health.up().build();
    } catch (ExecutionException e) {
      return health.down().withDetail("error", e.getCause().getMessage()).build();
    } catch (TimeoutException e) {
      return health
          .down()
          .withDetail("error", "no answer within " + TIMEOUT.toSeconds() + " s")
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return health.down().withDetail("error", "interrupted").build();
    } catch (RuntimeException e) {
      return health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
