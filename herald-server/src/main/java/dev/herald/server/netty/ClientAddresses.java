package dev.herald.server.netty;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from: the peer's address, or, when the peer is a trusted proxy, the address
 * its {@code X-Forwarded-For} names. The header is read from the right (the hop nearest to Herald):
 * trusted proxies are skipped and the first address that is not one is the client, so a client
 * cannot pass off a forged left-hand entry. An entry that is not an IP address ends the walk.
 * Thread-safe.
 */
final class ClientAddresses {
  private final List<IpSubnetFilterRule> trusted;

  ClientAddresses(List<String> trustedProxies) {
    this.trusted = parse(trustedProxies);
  }

  /**
   * The rules for {@code proxies}, each an address or {@code address/prefix}.
   *
   * @throws IllegalArgumentException naming an entry that is neither
   */
  static List<IpSubnetFilterRule> parse(List<String> proxies) {
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    for (String proxy : proxies) {
      String text = proxy.strip();
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
      if (ip == null) {
        throw new IllegalArgumentException(
            "trusted proxy '" + proxy + "' is not an IP address or CIDR range (10.0.0.0/8)");
      }
      int max = ip.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException(
            "trusted proxy '" + proxy + "' has a prefix length outside 0.." + max);
      }
      rules.add(new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT));
    }
    return List.copyOf(rules);
  }

  /** The client's address for a request from {@code peer} with {@code forwardedFor} headers. */
  InetAddress client(InetSocketAddress peer, List<String> forwardedFor) {
    InetAddress client = peer.getAddress();
    if (!isTrusted(peer) || forwardedFor.isEmpty()) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops.get(i));
      if (hop == null) {
        return client;
      }
      client = hop;
      if (!isTrusted(new InetSocketAddress(hop, 0))) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(InetSocketAddress address) {
    for (IpSubnetFilterRule rule : trusted) {
      if (rule.matches(address)) {
        return true;
      }
    }
    return false;
  }
}
