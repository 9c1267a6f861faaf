package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProbeTest {
  @Test
  void readsVmRssInKilobytesFromAStatusFile() {
    String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n";
    assertThat(ServerProbe.parseRssKb(status)).isEqualTo(123456);
    assertThat(ServerProbe.parseRssKb("Name:\tjava\n")).isEqualTo(-1);
  }

  @Test
  void readsTheTotalBytesOfAClassHistogram() {
    String histogram =
        "12345:\n num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:         26513        2751800  [B (java.base@17.0.15)\n"
            + "   2:          1957         728272  [I (java.base@17.0.15)\n"
            + "Total        412345        7959352\n";
    assertThat(ServerProbe.parseHistogramTotal(histogram)).isEqualTo(7959352);
    assertThat(ServerProbe.parseHistogramTotal("no such process")).isEqualTo(-1);
  }

  @Test
  void readsThisProcessAndAnswersMinusOneWithoutAPid() {
    ServerProbe self = new ServerProbe(ProcessHandle.current().pid(), 100, false);
    assertThat(self.rssKb()).isPositive();
    assertThat(self.fds()).isPositive();
    assertThat(self.liveHeapBytes()).isEqualTo(-1); // not asked to treat it as a JVM
    ServerProbe none = new ServerProbe(0, 100, true);
    assertThat(none.sample(true)).isEqualTo(new ServerProbe.Sample(-1, -1, -1));
  }
}
