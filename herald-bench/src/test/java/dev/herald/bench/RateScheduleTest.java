package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
  @Test
  void slotsAreEvenlySpacedFromTheStartWhateverEarlierSendsDid() {
    RateSchedule schedule = new RateSchedule(1_000, 40, 5_000_000_000L);
    assertThat(schedule.slots()).isEqualTo(200);
    assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
    assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 25_000_000);
    assertThat(schedule.dueNanos(199)).isEqualTo(1_000 + 199 * 25_000_000L);
  }

  @Test
  void fractionalRatesRoundSlotTimesToTheNearestNanosecond() {
    RateSchedule schedule = new RateSchedule(0, 3, 1_000_000_000L);
    assertThat(schedule.slots()).isEqualTo(3);
    assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333);
    assertThat(schedule.dueNanos(2)).isEqualTo(666_666_667);
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThatThrownBy(() -> new RateSchedule(0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
