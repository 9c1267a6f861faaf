package dev.herald.spring.server;

import dev.herald.Broadcaster;
import dev.herald.Broadcasters;
import dev.herald.DriverSettings;
import dev.herald.server.EmbeddedDriver;
import dev.herald.server.EmbeddedHerald;
import dev.herald.spring.HeraldProperties;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a Herald server inside the app when {@code herald.server.enabled=true} (or {@code
 * herald.driver=embedded}) and herald-server is on the classpath: the app {@code herald.app-id},
 * {@code herald.app-key}, {@code herald.app-secret} (the development app when none is set, on a
 * loopback address only) on {@code herald.server.host}:{@code herald.server.port}.
 */
@AutoConfiguration
@ConditionalOnClass(EmbeddedHerald.class)
@Conditional(EmbeddedServerCondition.class)
@EnableConfigurationProperties(HeraldProperties.class)
public class HeraldServerAutoConfiguration {
  /** The property the server's actual port is published as. */
  public static final String PORT_PROPERTY = "local.herald.port";

  @Bean
  EmbeddedHeraldServer heraldEmbeddedServer(
      HeraldProperties properties, ConfigurableEnvironment environment) {
    Properties settings = properties.toDriverProperties("herald.");
    settings.setProperty("herald.host", properties.getServer().getHost());
    settings.setProperty("herald.port", Integer.toString(properties.getServer().getPort()));
    settings.remove("herald.failure-policy"); // applied to the Broadcaster bean, not the server
    Broadcaster started =
        new EmbeddedDriver().create(DriverSettings.fromProperties(settings, "herald."));
    EmbeddedHerald herald = (EmbeddedHerald) started;
    String appId =
        properties.getAppId() == null ? Broadcasters.DEVELOPMENT_APP_ID : properties.getAppId();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("herald-embedded", Map.of(PORT_PROPERTY, herald.port())));
    return new EmbeddedHeraldServer(herald, appId);
  }
}
