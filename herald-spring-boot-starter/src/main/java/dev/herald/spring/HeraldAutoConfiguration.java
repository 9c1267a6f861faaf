package dev.herald.spring;

import dev.herald.Broadcast;
import dev.herald.Broadcaster;
import dev.herald.TransactionSynchronizer;
import dev.herald.UserData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Herald in a Spring Boot app: a {@link Broadcaster} bean from {@code herald.*} (every bean here
 * backs off when the app declares its own), the named connections, {@link
 * dev.herald.BroadcastEvent}s published with {@code ApplicationEventPublisher} broadcast after
 * commit, and the {@link HeraldAuthorizer} with the app's channel rules.
 */
@AutoConfiguration(
    afterName = {
      "dev.herald.spring.server.HeraldServerAutoConfiguration",
      "dev.herald.spring.HeraldMetricsAutoConfiguration"
    })
@EnableConfigurationProperties(HeraldProperties.class)
public class HeraldAutoConfiguration {
  /** Sends events to {@code herald.driver} (or the embedded server), with queue and meters. */
  @Bean
  @ConditionalOnMissingBean
  Broadcaster heraldBroadcaster(
      HeraldProperties properties,
      ObjectProvider<BroadcasterSource> source,
      ObjectProvider<BroadcastFailureHandler> failureHandlers,
      ObjectProvider<HeraldBroadcasterCustomizer> customizers) {
    return HeraldBroadcasters.create(
        properties,
        source.getIfAvailable(),
        failureHandlers.orderedStream().toList(),
        customizers.orderedStream().toList());
  }

  /** {@code herald.connections.<name>.*}, one broadcaster each. */
  @Bean
  @ConditionalOnMissingBean
  HeraldConnections heraldConnections(HeraldProperties properties) {
    return HeraldConnections.of(properties.getConnections());
  }

  /** Broadcasts published events after commit. */
  @Bean
  BroadcastEventListener heraldBroadcastEventListener(
      Broadcaster broadcaster,
      ObjectProvider<TransactionSynchronizer> transactions,
      HeraldProperties properties) {
    Integer max = properties.getMaxPayloadBytes();
    return new BroadcastEventListener(
        broadcaster,
        transactions.getIfAvailable(() -> NoTransactions.INSTANCE),
        max == null ? Broadcast.DEFAULT_MAX_PAYLOAD_BYTES : max);
  }

  /** Collects the {@link ChannelAuthorization} methods; static, as bean post-processors are. */
  @Bean
  static ChannelRuleCollector heraldChannelRuleCollector() {
    return new ChannelRuleCollector();
  }

  /** The channel rules, signing with the app's key and secret. */
  @Bean
  @ConditionalOnMissingBean
  HeraldAuthorizer heraldAuthorizer(
      HeraldProperties properties,
      ObjectProvider<HeraldChannels> channels,
      ChannelRuleCollector annotated,
      ObjectProvider<HeraldSignin> signin) {
    return new HeraldAuthorizer(
        properties,
        channels.orderedStream().toList(),
        annotated,
        signin.getIfAvailable(() -> principal -> UserData.of(principal.getName())),
        ApplicationConversionService.getSharedInstance());
  }

  /** Spring's transactions, when spring-tx is on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(TransactionSynchronizationManager.class)
  static class Transactions {
    @Bean
    @ConditionalOnMissingBean
    TransactionSynchronizer heraldTransactions() {
      return new SpringTransactions();
    }
  }

  /** Without spring-tx there are no transactions to wait for. */
  private enum NoTransactions implements TransactionSynchronizer {
    INSTANCE;

    @Override
    public boolean isTransactionActive() {
      return false;
    }

    @Override
    public void afterCompletion(java.util.function.Consumer<Boolean> callback) {
      throw new IllegalStateException("no transaction is active");
    }
  }
}
