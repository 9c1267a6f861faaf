package dev.herald.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Micrometer meters for the auto-configured broadcaster ({@link MeteredBroadcaster}), when the app
 * has a {@link MeterRegistry} (Spring Boot Actuator makes one).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class HeraldMetricsAutoConfiguration {
  /** Outermost of the customizers, so the latency includes the queue's retries. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  HeraldBroadcasterCustomizer heraldBroadcasterMeters(MeterRegistry registry) {
    return broadcaster -> new MeteredBroadcaster(broadcaster, registry);
  }
}
