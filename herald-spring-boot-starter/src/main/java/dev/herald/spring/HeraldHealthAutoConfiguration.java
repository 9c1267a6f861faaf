package dev.herald.spring;

import dev.herald.Broadcaster;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The {@code herald} health indicator, with Spring Boot Actuator ({@code
 * management.health.herald.enabled=false} turns it off).
 */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Broadcaster.class)
@ConditionalOnEnabledHealthIndicator("herald")
public class HeraldHealthAutoConfiguration {
  @Bean
  HealthIndicator heraldHealthIndicator(Broadcaster broadcaster, HeraldProperties properties) {
    String driver =
        properties.getServer().isEnabled()
            ? "embedded"
            : properties.getDriver() == null ? "herald" : properties.getDriver();
    return new HeraldHealthIndicator(broadcaster, driver);
  }
}
