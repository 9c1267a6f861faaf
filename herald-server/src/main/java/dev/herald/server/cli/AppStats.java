package dev.herald.server.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One app's numbers as {@code GET /metrics} reports them for a node.
 *
 * @param connections open WebSocket connections
 * @param channels channels with subscribers
 * @param messagesIn messages received from clients
 * @param messagesOut channel messages delivered to clients, one per subscriber
 */
record AppStats(long connections, long channels, long messagesIn, long messagesOut) {
  private static final AppStats NONE = new AppStats(0, 0, 0, 0);

  /** {@code herald_connections{app="7",} 2.0}: a meter, its app tag and its value. */
  private static final Pattern PER_APP =
      Pattern.compile("^(herald_[a-z_]+)\\{(?:.*,)?app=\"((?:[^\"\\\\]|\\\\.)*)\".*\\}\\s+(\\S+)$");

  /** The per-app numbers of a Prometheus text page, sorted by app id. */
  static Map<String, AppStats> parse(String prometheusText) {
    Map<String, AppStats> apps = new TreeMap<>();
    prometheusText
        .lines()
        .map(PER_APP::matcher)
        .filter(Matcher::matches)
        .forEach(
            m -> {
              String app = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
              long value = (long) Double.parseDouble(m.group(3));
              apps.put(app, apps.getOrDefault(app, NONE).with(m.group(1), value));
            });
    return apps;
  }

  private AppStats with(String meter, long value) {
    return switch (meter) {
      case "herald_connections" -> new AppStats(value, channels, messagesIn, messagesOut);
      case "herald_channels" -> new AppStats(connections, value, messagesIn, messagesOut);
      case "herald_messages_received_total" ->
          new AppStats(connections, channels, value, messagesOut);
      case "herald_messages_delivered_total" ->
          new AppStats(connections, channels, messagesIn, value);
      default -> this;
    };
  }
}
