package dev.herald.spring.test;

import dev.herald.FakeBroadcaster;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties every {@link FakeBroadcaster} bean before each test method, so one test's broadcasts
 * never show in another's assertions when Spring reuses the context. Registered in {@code
 * META-INF/spring.factories}; touches only contexts that are already loaded.
 */
public final class HeraldFakeResetListener extends AbstractTestExecutionListener {
  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext
          .getApplicationContext()
          .getBeansOfType(FakeBroadcaster.class)
          .values()
          .forEach(FakeBroadcaster::reset);
    }
  }
}
