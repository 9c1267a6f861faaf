package dev.herald.server.protocol;

import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a WebSocket connection request before {@code connection_established}, in the documented
 * order: path (4005), app key (4001), app enabled (4003), the browser's origin (4009), protocol
 * version (4008/4006/4007) and the app's connection quota (4004). Also counts each app's open
 * connections. Thread-safe.
 */
final class Handshake {
  private static final Pattern PATH = Pattern.compile("/app/([^/]+)/?");
  private static final Pattern VERSION = Pattern.compile("\\d{1,3}");

  private final AppRegistry apps;
  private final ProtocolSettings settings;
  private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

  Handshake(AppRegistry apps, ProtocolSettings settings) {
    this.apps = apps;
    this.settings = settings;
  }

  /**
   * Validates the request and takes one connection slot of the app.
   *
   * @param origin the request's {@code Origin} header, or null
   * @throws PusherException (fatal) naming what was wrong
   */
  App admit(String path, Map<String, List<String>> query, String origin) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw PusherException.fatal(
          PusherError.PATH_NOT_FOUND, "Path not found: connect to /app/{key}, not " + path);
    }
    String key = m.group(1);
    App app =
        apps.findByKey(key)
            .orElseThrow(
                () ->
                    PusherException.fatal(
                        PusherError.APP_NOT_FOUND, "Application does not exist: key " + key));
    if (!app.enabled()) {
      throw PusherException.fatal(PusherError.APP_DISABLED, "Application disabled");
    }
    if (!app.allowedOrigins().allows(origin)) {
      throw PusherException.fatal(
          PusherError.UNAUTHORIZED,
          "Origin not allowed: " + origin + " is not in this app's allowed_origins");
    }
    checkProtocol(first(query, "protocol"));
    AtomicInteger count = open.computeIfAbsent(app.id(), id -> new AtomicInteger());
    int max = app.limits().maxConnections();
    if (count.incrementAndGet() > max && max > 0) {
      count.decrementAndGet();
      throw PusherException.fatal(
          PusherError.OVER_CONNECTION_QUOTA,
          "Application is over connection quota (" + max + " connections)");
    }
    return app;
  }

  /** Gives back the connection slot taken by {@link #admit}. */
  void release(App app) {
    AtomicInteger count = open.get(app.id());
    if (count != null) {
      count.decrementAndGet();
    }
  }

  /** The app's open connections on this node. */
  int openConnections(String appId) {
    AtomicInteger count = open.get(appId);
    return count == null ? 0 : count.get();
  }

  private void checkProtocol(String protocol) {
    if (protocol == null || protocol.isEmpty()) {
      throw PusherException.fatal(
          PusherError.NO_PROTOCOL, "No protocol version supplied: add ?protocol=7 to the URL");
    }
    if (!VERSION.matcher(protocol).matches()) {
      throw PusherException.fatal(
          PusherError.INVALID_VERSION, "Invalid version string format: protocol=" + protocol);
    }
    int version = Integer.parseInt(protocol);
    if (version < settings.minProtocol() || version > settings.maxProtocol()) {
      throw PusherException.fatal(
          PusherError.UNSUPPORTED_PROTOCOL,
          "Unsupported protocol version "
              + version
              + "; supported: "
              + settings.minProtocol()
              + " to "
              + settings.maxProtocol());
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
