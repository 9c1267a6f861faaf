package dev.herald.spring.test;

import dev.herald.FakeBroadcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The {@link FakeBroadcaster} bean of {@link AutoConfigureHeraldFake}. */
@Configuration(proxyBeanMethods = false)
class HeraldFakeConfiguration {
  @Bean
  @Primary
  FakeBroadcaster heraldFakeBroadcaster() {
    return new FakeBroadcaster();
  }
}
