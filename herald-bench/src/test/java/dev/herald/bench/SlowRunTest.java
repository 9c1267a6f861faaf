package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowRunTest {
  private static List<ClientHandler> connections(int n) {
    List<ClientHandler> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new ClientHandler(i, Behavior.subscribe("k", "s", "c"), null));
    }
    return list;
  }

  @Test
  void onePercentIsEveryHundredthConnectionSpreadOverTheRange() {
    List<ClientHandler> picked = SlowRun.pick(connections(1000), 1);
    assertThat(picked).hasSize(10);
    assertThat(picked.get(0).index()).isEqualTo(50);
    assertThat(picked.get(9).index()).isEqualTo(950);
  }

  @Test
  void zeroPercentPicksNone() {
    assertThat(SlowRun.pick(connections(100), 0)).isEmpty();
  }
}
