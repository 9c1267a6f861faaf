package dev.herald.server.config;

/**
 * The environment variables Herald reads; each overrides the YAML file and is overridden by flags.
 */
public final class EnvironmentVariables {
  /** Path of the YAML config file, when {@code --config} is not given. */
  public static final String CONFIG = "HERALD_CONFIG";

  /** The address to bind. */
  public static final String HOST = "HERALD_HOST";

  /** The port to bind. */
  public static final String PORT = "HERALD_PORT";

  /** The single app's id; set together with {@link #APP_KEY} and {@link #APP_SECRET}. */
  public static final String APP_ID = "HERALD_APP_ID";

  /** The single app's key. */
  public static final String APP_KEY = "HERALD_APP_KEY";

  /** The single app's secret. */
  public static final String APP_SECRET = "HERALD_APP_SECRET";

  /** Whether the single app accepts client events: {@code true} or {@code false}. */
  public static final String APP_CLIENT_EVENTS = "HERALD_APP_CLIENT_EVENTS";

  /**
   * A webhook endpoint for the single app that receives every event type; replaces the webhooks a
   * config file gives the same app.
   */
  public static final String APP_WEBHOOK_URL = "HERALD_APP_WEBHOOK_URL";

  /** The activity timeout in seconds. */
  public static final String ACTIVITY_TIMEOUT = "HERALD_ACTIVITY_TIMEOUT";

  /** The Redis URL that makes this node one of a cluster ({@code redis://host:6379}). */
  public static final String REDIS_URL = "HERALD_REDIS_URL";

  /** The prefix of the cluster's Redis keys and channels (default {@code herald:}). */
  public static final String REDIS_PREFIX = "HERALD_REDIS_PREFIX";

  /** Milliseconds without a heartbeat after which a node is taken for dead (default 15000). */
  public static final String REDIS_NODE_TIMEOUT_MS = "HERALD_REDIS_NODE_TIMEOUT_MS";

  /**
   * The PEM certificate chain that turns on TLS ({@code wss://}, {@code https://}); set together
   * with {@link #TLS_KEY_FILE}. Replaces the config file's {@code tls:} section.
   */
  public static final String TLS_CERT_FILE = "HERALD_TLS_CERT_FILE";

  /** The PEM (PKCS#8) private key of {@link #TLS_CERT_FILE}. */
  public static final String TLS_KEY_FILE = "HERALD_TLS_KEY_FILE";

  /**
   * The JDBC URL of a PostgreSQL or MariaDB/MySQL database to load more apps from ({@code
   * jdbc:postgresql://host:5432/herald}); replaces the config file's {@code database.url}.
   */
  public static final String DATABASE_URL = "HERALD_DATABASE_URL";

  /** The database user; replaces the config file's {@code database.username}. */
  public static final String DATABASE_USERNAME = "HERALD_DATABASE_USERNAME";

  /** The database password; replaces the config file's {@code database.password}. */
  public static final String DATABASE_PASSWORD = "HERALD_DATABASE_PASSWORD";

  /** {@code text} (default) or {@code json}: how {@code herald serve} writes its log. */
  public static final String LOG_FORMAT = "HERALD_LOG_FORMAT";

  /** The bearer token of the admin endpoints (console, {@code herald reload}); never logged. */
  public static final String ADMIN_TOKEN = "HERALD_ADMIN_TOKEN";

  /** The server URL {@code herald trigger} sends to (not read by the server). */
  public static final String URL = "HERALD_URL";

  private EnvironmentVariables() {}
}
