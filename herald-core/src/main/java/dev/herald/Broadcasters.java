package dev.herald;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks and configures a {@link Broadcaster} by driver name, so the same app code broadcasts to
 * Herald in production, to the log in development and nowhere in some tests:
 *
 * <pre>{@code
 * Broadcaster broadcaster = Broadcasters.fromEnvironment(); // HERALD_DRIVER, HERALD_URL, …
 * }</pre>
 *
 * <p>Drivers: {@code herald} (the default: {@link HttpBroadcaster} to a Herald server, {@code url},
 * {@code app-id}, {@code app-key}, {@code app-secret}), {@code pusher} (the same to Pusher, {@code
 * cluster}), {@code log}, {@code null}, {@code embedded} (with herald-server on the classpath) and
 * {@code redis} (with herald-redis on the classpath: publishes straight into the Redis of a Herald
 * cluster, {@code redis-url}, {@code app-id}, {@code redis-prefix}). Every driver also reads {@code
 * max-payload-bytes}, and {@code failure-policy} ({@code throw}, {@code log}, {@code retry}) wraps
 * it; the HTTP drivers and {@code redis} read {@code encryption-master-key} (base64), {@code
 * connect-timeout-ms} and {@code request-timeout-ms}.
 *
 * <p>Several named connections side by side (one per tenant) come from properties: {@code
 * herald.connections.<name>.<setting>}, see {@link #connections(Properties)}.
 *
 * <p>An instance is a registry of drivers: {@link #standard()} has the built-in ones; {@link
 * #register} adds more. Thread-safe.
 */
public final class Broadcasters {
  /** The setting that selects the driver. */
  public static final String DRIVER = "driver";

  /** The setting that selects the failure policy. */
  public static final String FAILURE_POLICY = "failure-policy";

  /** The driver used when none is configured. */
  public static final String DEFAULT_DRIVER = "herald";

  /** Where {@code herald serve} listens in development. */
  public static final String DEVELOPMENT_URL = "http://127.0.0.1:6001";

  /** The id of {@code herald serve}'s development app, used when no credentials are configured. */
  public static final String DEVELOPMENT_APP_ID = "herald-dev";

  /** The key of the development app. */
  public static final String DEVELOPMENT_APP_KEY = "herald-dev-key";

  /** The secret of the development app: public, so the server accepts it only on loopback. */
  public static final String DEVELOPMENT_APP_SECRET = "herald-dev-secret";

  private static final String CONNECTIONS = "herald.connections.";

  private final Map<String, BroadcasterFactory> drivers =
      Collections.synchronizedMap(new LinkedHashMap<>());

  private Broadcasters() {}

  /**
   * The built-in drivers plus those other modules contribute ({@link BroadcasterDriver}, found with
   * {@link ServiceLoader} on this class's class loader). A contributed driver replaces the built-in
   * placeholder of the same name.
   */
  public static Broadcasters standard() {
    Broadcasters registry = new Broadcasters();
    BuiltInDrivers.registerAll(registry);
    for (BroadcasterDriver driver :
        ServiceLoader.load(BroadcasterDriver.class, Broadcasters.class.getClassLoader())) {
      registry.register(driver.name(), driver);
    }
    return registry;
  }

  /**
   * A broadcaster configured from {@code HERALD_*} environment variables.
   *
   * @throws IllegalArgumentException when a setting is missing or invalid (naming it)
   */
  public static Broadcaster fromEnvironment() {
    return standard().create(DriverSettings.fromEnvironment(System.getenv()));
  }

  /**
   * A broadcaster configured from {@code herald.*} properties.
   *
   * @throws IllegalArgumentException when a setting is missing or invalid (naming it)
   */
  public static Broadcaster fromProperties(Properties properties) {
    return standard().create(DriverSettings.fromProperties(properties, "herald."));
  }

  /**
   * Adds or replaces a driver.
   *
   * @return this registry
   */
  public Broadcasters register(String name, BroadcasterFactory factory) {
    drivers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
    return this;
  }

  /** The registered driver names. */
  public Set<String> names() {
    synchronized (drivers) {
      return Collections.unmodifiableSet(new TreeSet<>(drivers.keySet()));
    }
  }

  /**
   * A broadcaster from the driver that {@code driver} names (default {@value #DEFAULT_DRIVER}),
   * wrapped by the {@code failure-policy}.
   *
   * @throws IllegalArgumentException for an unknown driver or a missing or invalid setting
   */
  public Broadcaster create(DriverSettings settings) {
    String name = settings.get(DRIVER, DEFAULT_DRIVER);
    BroadcasterFactory factory = drivers.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          settings.describe(DRIVER) + " names an unknown driver '" + name + "'; known: " + names());
    }
    FailurePolicy policy =
        settings.find(FAILURE_POLICY).map(FailurePolicy::named).orElse(FailurePolicy.THROW);
    return policy.apply(factory.create(settings));
  }

  /**
   * The named connection {@code herald.connections.<name>.*}.
   *
   * @throws IllegalArgumentException when it is not configured or a setting is invalid
   */
  public Broadcaster connection(Properties properties, String name) {
    DriverSettings settings = DriverSettings.fromProperties(properties, CONNECTIONS + name + ".");
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("no connection named '" + name + "' is configured");
    }
    return create(settings);
  }

  /**
   * Every named connection in {@code properties} ({@code herald.connections.<name>.*}), by name.
   * The caller owns and closes them. When one cannot be made, those already made are closed.
   *
   * @throws IllegalArgumentException when any connection's settings are invalid
   */
  public Map<String, Broadcaster> connections(Properties properties) {
    Set<String> names = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(CONNECTIONS)) {
        String rest = key.substring(CONNECTIONS.length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
          names.add(rest.substring(0, dot));
        }
      }
    }
    Map<String, Broadcaster> result = new LinkedHashMap<>();
    try {
      for (String name : names) {
        result.put(name, connection(properties, name));
      }
    } catch (RuntimeException e) {
      result.values().forEach(Broadcaster::close);
      throw e;
    }
    return Collections.unmodifiableMap(result);
  }
}
