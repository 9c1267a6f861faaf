package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AddressLimitsTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final InetAddress alice = address("203.0.113.7");
  private final InetAddress bob = address("203.0.113.8");

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private AddressLimits limits(int max, int perSecond) {
    return new AddressLimits(ConnectionLimits.DEFAULTS.withPerIp(max, perSecond), now::get);
  }

  @Test
  void refusesConnectionsBeyondTheMaximumUntilOneCloses() {
    AddressLimits limits = limits(2, 0);
    assertThat(limits.admit(alice)).isEmpty();
    assertThat(limits.admit(alice)).isEmpty();
    assertThat(limits.admit(alice))
        .contains(
            "Over capacity: 2 connections from your address are open (max_connections_per_ip)");
    assertThat(limits.admit(bob)).isEmpty();

    limits.release(alice);
    assertThat(limits.admit(alice)).isEmpty();
  }

  @Test
  void refusesNewConnectionsBeyondTheRateAndRefillsOverTime() {
    AddressLimits limits = limits(0, 2);
    assertThat(limits.admit(alice)).isEmpty();
    assertThat(limits.admit(alice)).isEmpty();
    assertThat(limits.admit(alice)).hasValueSatisfying(m -> assertThat(m).contains("more than 2"));

    now.addAndGet(500); // one token back
    assertThat(limits.admit(alice)).isEmpty();
    assertThat(limits.admit(alice)).isPresent();
  }

  @Test
  void closingAndReopeningDoesNotRefillTheRate() {
    AddressLimits limits = limits(0, 2);
    for (int i = 0; i < 2; i++) {
      assertThat(limits.admit(alice)).isEmpty();
      limits.release(alice);
    }
    assertThat(limits.admit(alice)).isPresent();
  }

  @Test
  void forgetsAddressesWithNoConnectionsOnceTheyAreIdle() {
    AddressLimits limits = limits(10, 10);
    limits.admit(alice);
    limits.admit(bob);
    limits.release(bob);

    now.addAndGet(AddressLimits.SWEEP_EVERY_MILLIS);
    limits.admit(alice); // a sweep is due

    assertThat(limits.trackedAddresses()).isEqualTo(1); // alice still has connections
  }

  @Test
  void countsNothingWhenBothLimitsAreOff() {
    AddressLimits limits = limits(0, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limits.admit(alice)).isEmpty();
    }
    assertThat(limits.trackedAddresses()).isZero();
  }
}
