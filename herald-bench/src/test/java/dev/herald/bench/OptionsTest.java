package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void readsTypedOptionsWithDefaults() {
    Options o =
        new Options(new String[] {"--rates", "10, 20,40", "--seconds", "7", "--jvm", "false"});
    assertThat(o.numbers("rates", "1")).containsExactly(10, 20, 40);
    assertThat(o.integer("seconds", 5)).isEqualTo(7);
    assertThat(o.integer("missing", 5)).isEqualTo(5);
    assertThat(o.probe().jvm()).isFalse();
  }

  @Test
  void theWebSocketUrlUsesTheHttpHostPortAndKey() {
    Options o = new Options(new String[] {"--url", "http://127.0.0.1:6101", "--key", "k"});
    assertThat(o.endpoint().ws().toString()).isEqualTo("ws://127.0.0.1:6101/app/k?protocol=7");
  }
}
