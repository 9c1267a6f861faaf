package dev.herald.server.cli;

import dev.herald.server.app.App;
import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.config.LoadedConfig;
import dev.herald.server.redis.RedisSettings;
import java.nio.file.Path;

/**
 * What {@code herald serve} prints once the port is bound: where to connect and each app's id and
 * key. Only in development mode does it print the (public) secret and ready-to-paste snippets;
 * otherwise secrets are never printed.
 */
final class Banner {
  private Banner() {}

  /** The startup text for {@code loaded}, served on {@code port} (the bound one). */
  static String text(LoadedConfig loaded, int port) {
    String host = urlHost(loaded.server().host());
    String address = host + ":" + port;
    boolean tls = loaded.server().tls().isPresent();
    StringBuilder text = new StringBuilder();
    text.append("Herald is listening on ").append(address).append('\n');
    text.append("  WebSocket  ").append(tls ? "wss://" : "ws://").append(address);
    text.append("/app/{key}\n");
    text.append("  HTTP API   ").append(tls ? "https://" : "http://").append(address);
    text.append("/apps/{id}/events\n");
    if (loaded.server().adminToken().isPresent()
        || DevelopmentApp.isAmong(loaded.server().apps())) {
      text.append("  Console    ").append(tls ? "https://" : "http://").append(address);
      text.append("/console/")
          .append(loaded.server().adminToken().isPresent() ? " (admin token)\n" : "\n");
    }
    loaded
        .server()
        .tls()
        .ifPresent(t -> text.append("  TLS        ").append(t.certFile()).append('\n'));
    text.append("  Config     ").append(source(loaded)).append('\n');
    loaded
        .server()
        .redis()
        .ifPresent(
            redis ->
                text.append("  Cluster    ")
                    .append(RedisSettings.redacted(redis.url()))
                    .append(", prefix ")
                    .append(redis.prefix())
                    .append('\n'));
    loaded
        .server()
        .database()
        .ifPresent(
            database ->
                text.append("  Apps from  ")
                    .append(database.redactedUrl())
                    .append(", table ")
                    .append(database.table())
                    .append(", re-read every ")
                    .append(database.refreshInterval().toSeconds())
                    .append(" s\n"));
    for (App app : loaded.server().apps()) {
      text.append("  App        id ").append(app.id()).append(", key ").append(app.key());
      text.append(app.enabled() ? "" : " (disabled)").append('\n');
    }
    if (loaded.development()) {
      text.append(development(loaded.server().apps().get(0), host, port, tls));
    }
    return text.toString();
  }

  private static String development(App app, String host, int port, boolean tls) {
    String url = (tls ? "https://" : "http://") + host + ":" + port;
    String urlFlag = url.equals(ServerOptions.DEFAULT_URL) ? "" : " --url " + url;
    return "\nDevelopment mode: these credentials are public, use them on this machine only.\n"
        + "  Secret     "
        + app.secret()
        + "\n\nConnect with pusher-js:\n"
        + "  const pusher = new Pusher('"
        + app.key()
        + "', { wsHost: '"
        + host
        + (tls ? "', wssPort: " : "', wsPort: ")
        + port
        + (tls
            ? ", forceTLS: true, enabledTransports: ['wss']"
            : ", forceTLS: false, enabledTransports: ['ws']")
        + ", cluster: 'mt1' });\n"
        + "  pusher.subscribe('my-channel').bind('my-event', data => console.log(data));\n"
        + "\nSend an event:\n"
        + "  ./herald trigger --channel my-channel --event my-event --data '{\"message\":\"hello\"}'"
        + urlFlag
        + "\n";
  }

  private static String source(LoadedConfig loaded) {
    if (loaded.file().isPresent()) {
      return loaded.file().map(Path::toString).orElseThrow();
    }
    return loaded.development() ? "none (development app)" : "environment";
  }

  /** IPv6 literals need brackets in URLs. */
  private static String urlHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
