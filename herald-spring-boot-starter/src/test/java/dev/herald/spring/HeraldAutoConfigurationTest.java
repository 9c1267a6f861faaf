package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.AuthorizationDeniedException;
import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.FakeBroadcaster;
import dev.herald.QueuedBroadcaster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.security.Principal;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration makes from properties and beans, and how it fails. */
class HeraldAutoConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  HeraldMetricsAutoConfiguration.class, HeraldAutoConfiguration.class));

  private static final Principal ALICE = () -> "alice";

  @Test
  void makesABroadcasterFromTheDriverProperty() {
    context
        .withPropertyValues("herald.driver=null")
        .run(c -> assertThat(c).hasSingleBean(Broadcaster.class));
  }

  @Test
  void backsOffWhenTheAppDeclaresItsOwnBroadcaster() {
    context
        .withUserConfiguration(OwnBroadcaster.class)
        .run(c -> assertThat(c.getBean(Broadcaster.class)).isInstanceOf(FakeBroadcaster.class));
  }

  @Test
  void failsTheStartNamingTheSettingThatIsWrong() {
    context
        .withPropertyValues("herald.driver=carrier-pigeon")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "herald.driver names an unknown driver 'carrier-pigeon'"));
    context
        .withPropertyValues("herald.app-id=shop", "herald.app-secret=s3cret-value")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("herald.app-key is not set")
                    .hasMessageNotContaining("s3cret-value"));
    context
        .withPropertyValues("herald.queue.enabled=true", "herald.failure-policy=retry")
        .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("keep one"));
    context
        .withPropertyValues(
            "herald.driver=null", "herald.queue.enabled=true", "herald.queue.multiplier=0.5")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageStartingWith("herald.queue: "));
  }

  @Test
  void queuesAndRetriesWhenTheQueueIsEnabled() {
    context
        .withPropertyValues("herald.driver=null", "herald.queue.enabled=true")
        .run(c -> assertThat(c.getBean(Broadcaster.class)).isInstanceOf(QueuedBroadcaster.class));
  }

  @Test
  void buildsEveryNamedConnectionAndNamesTheKnownOnesForAnUnknownName() {
    context
        .withPropertyValues(
            "herald.driver=null",
            "herald.connections.tenant-a.driver=log",
            "herald.connections.tenant-b.driver=null")
        .run(
            c -> {
              HeraldConnections connections = c.getBean(HeraldConnections.class);
              assertThat(connections.names()).containsExactly("tenant-a", "tenant-b");
              connections
                  .get("tenant-a")
                  .on(Channel.publicChannel("orders"))
                  .as("x")
                  .withJson("{}")
                  .send()
                  .join();
              Assertions.assertThatThrownBy(() -> connections.get("tenant-c"))
                  .hasMessageContaining("[tenant-a, tenant-b]");
            });
    context
        .withPropertyValues("herald.driver=null", "herald.connections.tenant-a.app-id=a")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("herald.connections.tenant-a.app-key is not set"));
  }

  @Test
  void countsSentAndFailedBroadcastsInMicrometer() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    context
        .withUserConfiguration(Meters.class)
        .withPropertyValues(
            "herald.url=http://127.0.0.1:" + deadPort,
            "herald.app-id=a",
            "herald.app-key=k",
            "herald.app-secret=s")
        .run(
            c -> {
              Broadcaster broadcaster = c.getBean(Broadcaster.class);
              Assertions.assertThatThrownBy(
                      () ->
                          broadcaster
                              .on(Channel.publicChannel("orders"))
                              .as("x")
                              .withJson("{}")
                              .send()
                              .join())
                  .isInstanceOf(CompletionException.class);
              MeterRegistry meters = c.getBean(MeterRegistry.class);
              assertThat(meters.get("herald.broadcasts").tag("outcome", "failed").timer().count())
                  .isEqualTo(1);
              assertThat(meters.get("herald.broadcasts").tag("outcome", "sent").timer().count())
                  .isZero();
            });
  }

  @Test
  void authorizesWithRuleBeansFirstThenAnnotatedMethods() {
    context
        .withPropertyValues("herald.driver=null")
        .withUserConfiguration(Rules.class)
        .run(
            c -> {
              HeraldAuthorizer authorizer = c.getBean(HeraldAuthorizer.class);
              assertThat(authorizer.authorize(ALICE, "1.2", "private-bean.1").auth())
                  .startsWith("herald-dev-key:");
              assertThat(authorizer.authorize(ALICE, "1.2", "private-annotated.alice").auth())
                  .startsWith("herald-dev-key:");
              Assertions.assertThatThrownBy(
                      () -> authorizer.authorize(ALICE, "1.2", "private-annotated.bob"))
                  .isInstanceOf(AuthorizationDeniedException.class);
              Assertions.assertThatThrownBy(
                      () -> authorizer.authorize(ALICE, "1.2", "private-nobody.1"))
                  .isInstanceOf(AuthorizationDeniedException.class);
            });
  }

  @Test
  void failsTheStartForAnAnnotatedMethodItCannotCall() {
    context
        .withPropertyValues("herald.driver=null")
        .withUserConfiguration(WrongReturn.class)
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("WrongReturn.order returns java.lang.String"));
    context
        .withPropertyValues("herald.driver=null")
        .withUserConfiguration(UnknownParam.class)
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "@ChannelParam 'id' is not a {param} of 'orders.{orderId}'"));
    context
        .withPropertyValues("herald.driver=null")
        .withUserConfiguration(BadPattern.class)
        .run(c -> assertThat(c.getStartupFailure()).isNotNull());
  }

  @Configuration
  static class OwnBroadcaster {
    @Bean
    FakeBroadcaster fake() {
      return new FakeBroadcaster();
    }
  }

  @Configuration
  static class Meters {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration
  static class Rules {
    @Bean
    HeraldChannels beanRules() {
      return channels -> channels.channel("bean.{id}", (user, params) -> true);
    }

    @Bean
    AnnotatedRules annotatedRules() {
      return new AnnotatedRules();
    }
  }

  static class AnnotatedRules {
    @ChannelAuthorization("annotated.{name}")
    boolean mine(Principal user, @ChannelParam String name) {
      return user.getName().equals(name);
    }
  }

  @Configuration
  static class WrongReturn {
    @ChannelAuthorization("orders.{orderId}")
    String order(Principal user) {
      return "yes";
    }
  }

  @Configuration
  static class UnknownParam {
    @ChannelAuthorization("orders.{orderId}")
    boolean order(Principal user, @ChannelParam("id") long id) {
      return true;
    }
  }

  @Configuration
  static class BadPattern {
    @ChannelAuthorization("orders.{orderId")
    boolean order(Principal user) {
      return true;
    }
  }
}
