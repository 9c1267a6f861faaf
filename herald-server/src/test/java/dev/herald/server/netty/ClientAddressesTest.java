package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
  private final ClientAddresses addresses =
      new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5", "fc00::/7"));

  private static InetSocketAddress peer(String ip) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), 40000);
  }

  private String client(String peer, String... forwardedFor) throws Exception {
    return addresses.client(peer(peer), List.of(forwardedFor)).getHostAddress();
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItsHeaderSays() throws Exception {
    assertThat(client("203.0.113.1", "198.51.100.1")).isEqualTo("203.0.113.1");
  }

  @Test
  void aTrustedProxyNamesTheClient() throws Exception {
    assertThat(client("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(client("192.168.1.5", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(client("10.1.2.3")).isEqualTo("10.1.2.3"); // no header
  }

  @Test
  void readsFromTheRightSoAForgedLeftHandEntryDoesNotCount() throws Exception {
    // The client forged "1.1.1.1"; the proxy appended the address it really saw.
    assertThat(client("10.1.2.3", "1.1.1.1, 198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(client("10.1.2.3", "1.1.1.1", "198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void skipsAChainOfTrustedProxies() throws Exception {
    assertThat(client("10.1.2.3", "198.51.100.1, 10.9.9.9, 192.168.1.5")).isEqualTo("198.51.100.1");
    assertThat(client("10.1.2.3", "10.9.9.9")).isEqualTo("10.9.9.9"); // all trusted
  }

  @Test
  void stopsAtAnEntryThatIsNotAnAddress() throws Exception {
    assertThat(client("10.1.2.3", "198.51.100.1, unknown")).isEqualTo("10.1.2.3");
  }

  @Test
  void handlesIpv6() throws Exception {
    assertThat(client("fd00::1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void namesAProxyThatIsNotAnAddressOrRange() {
    assertThatThrownBy(() -> new ClientAddresses(List.of("lb.internal")))
        .hasMessage("trusted proxy 'lb.internal' is not an IP address or CIDR range (10.0.0.0/8)");
    assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
        .hasMessage("trusted proxy '10.0.0.0/33' has a prefix length outside 0..32");
  }
}
