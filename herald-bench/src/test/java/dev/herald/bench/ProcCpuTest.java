package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcCpuTest {
  @Test
  void addsUserAndSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0 99 0";
    assertThat(ProcCpu.parseTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void readsThisProcessFromProc() {
    assertThat(ProcCpu.micros(ProcessHandle.current().pid(), 100)).isGreaterThanOrEqualTo(0);
  }
}
