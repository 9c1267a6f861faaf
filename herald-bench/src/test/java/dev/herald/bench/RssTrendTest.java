package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RssTrendTest {
  private static final long MB = 1024;

  @Test
  void memoryThatGrowsOnceAndStaysIsFlat() {
    RssTrend trend =
        RssTrend.of(List.of(100 * MB, 120 * MB, 121 * MB, 121 * MB, 120 * MB, 121 * MB));
    assertThat(trend.flat()).isTrue();
    assertThat(trend.growthKb()).isEqualTo(21 * MB);
    assertThat(trend.maxKb()).isEqualTo(121 * MB);
  }

  @Test
  void memoryThatKeepsGrowingIsNotFlat() {
    RssTrend trend = RssTrend.of(List.of(100 * MB, 110 * MB, 120 * MB, 130 * MB, 140 * MB));
    assertThat(trend.firstHalfMaxKb()).isEqualTo(110 * MB);
    assertThat(trend.secondHalfMaxKb()).isEqualTo(140 * MB);
    assertThat(trend.flat()).isFalse();
  }

  @Test
  void oneSampleIsFlatAndNoSampleIsUnknown() {
    assertThat(RssTrend.of(List.of(5L)).flat()).isTrue();
    assertThat(RssTrend.of(List.of()).flat()).isFalse();
    assertThat(RssTrend.of(List.of()).maxKb()).isEqualTo(-1);
  }
}
