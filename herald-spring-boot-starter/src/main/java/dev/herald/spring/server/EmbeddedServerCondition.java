package dev.herald.spring.server;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code herald.server.enabled=true} or {@code herald.driver=embedded}. */
final class EmbeddedServerCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    var environment = context.getEnvironment();
    if (environment.getProperty("herald.server.enabled", Boolean.class, false)) {
      return ConditionOutcome.match("herald.server.enabled=true");
    }
    if ("embedded".equals(environment.getProperty("herald.driver", "").trim())) {
      return ConditionOutcome.match("herald.driver=embedded");
    }
    return ConditionOutcome.noMatch("herald.server.enabled is not true");
  }
}
