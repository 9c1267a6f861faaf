package dev.herald.spring;

import dev.herald.WebhookReceiver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The HTTP endpoints, in a servlet web app with Spring MVC: channel authorization and sign-in (on
 * unless {@code herald.auth.enabled=false}) and webhooks ({@code herald.webhooks.enabled=true}).
 */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class HeraldWebAutoConfiguration {
  @Bean
  @ConditionalOnProperty(name = "herald.auth.enabled", matchIfMissing = true)
  HeraldAuthController heraldAuthController(HeraldAuthorizer authorizer) {
    return new HeraldAuthController(authorizer);
  }

  /**
   * Verifies with {@code herald.app-key} and {@code herald.app-secret}, the development app's when
   * nothing is configured.
   */
  @Bean
  @ConditionalOnProperty(name = "herald.webhooks.enabled")
  HeraldWebhookController heraldWebhookController(
      HeraldProperties properties, ApplicationEventPublisher events) {
    DriverProperties.Credentials credentials = properties.credentials();
    if (credentials == null) {
      throw new IllegalStateException(
          "herald.webhooks.enabled=true needs herald.app-key and herald.app-secret to verify"
              + " webhooks");
    }
    return new HeraldWebhookController(
        new WebhookReceiver(credentials.key(), credentials.secret()), events);
  }
}
