package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static Sampler.Point p(double s, long fds) {
    return new Sampler.Point(s, 1000, fds);
  }

  @Test
  void findsWhenTheServerFirstLetADescriptorGoAndHowManyWent() {
    List<Sampler.Point> points =
        List.of(p(0, 110), p(0.5, 110), p(1.0, 108), p(1.5, 105), p(2, 106));
    assertThat(Sampler.firstDrop(points)).isEqualTo(1.0);
    assertThat(Sampler.dropped(points)).isEqualTo(5);
  }

  @Test
  void noDropIsMinusOneAndZero() {
    List<Sampler.Point> points = List.of(p(0, 110), p(0.5, 111));
    assertThat(Sampler.firstDrop(points)).isEqualTo(-1);
    assertThat(Sampler.dropped(points)).isZero();
    assertThat(Sampler.firstDrop(List.of())).isEqualTo(-1);
  }

  @Test
  void samplesTheRunningProcessIntoPhases() throws InterruptedException {
    try (Sampler sampler =
        new Sampler(new ServerProbe(ProcessHandle.current().pid(), 100, false), 5)) {
      assertThat(Results.await(() -> !Sampler.rss(snapshot(sampler)).isEmpty(), 5_000)).isTrue();
    }
  }

  private static List<Sampler.Point> snapshot(Sampler sampler) {
    // phase() hands over what was sampled so far; keep polling until something arrived.
    return sampler.phase();
  }
}
