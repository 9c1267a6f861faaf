package dev.herald.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Herald's settings in a Spring Boot app, under {@code herald.}: where the {@link
 * dev.herald.Broadcaster} bean sends ({@code herald.driver}, {@code herald.url}, {@code
 * herald.app-id}, …), named connections per tenant, queued delivery, the authorization and webhook
 * endpoints, and the embedded server.
 */
@ConfigurationProperties("herald")
public class HeraldProperties extends DriverProperties {
  /** Named connections (one per tenant), each with the same settings as herald.*. */
  private final Map<String, DriverProperties> connections = new LinkedHashMap<>();

  /** Queued delivery with retries. */
  private final Queue queue = new Queue();

  /** The channel authorization endpoints pusher-js and Laravel Echo call. */
  private final Auth auth = new Auth();

  /** The webhook endpoint. */
  private final Webhooks webhooks = new Webhooks();

  /** A Herald server inside this app. */
  private final Server server = new Server();

  public Map<String, DriverProperties> getConnections() {
    return connections;
  }

  public Queue getQueue() {
    return queue;
  }

  public Auth getAuth() {
    return auth;
  }

  public Webhooks getWebhooks() {
    return webhooks;
  }

  public Server getServer() {
    return server;
  }

  /** Queued delivery: broadcasts are sent in the background and retried when they fail. */
  public static class Queue {
    /** Whether broadcasts are queued and retried (off: each is sent at once, once). */
    private boolean enabled;

    /** Attempts in all, the first included. */
    private int maxAttempts = 5;

    /** The wait after the first failure. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** How much longer each following wait is. */
    private double multiplier = 2.0;

    /** The longest wait between attempts. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    /**
     * How many broadcasts may wait at once; more are refused and handed to the failure handlers.
     */
    private int capacity = 10_000;

    /** How long closing the app waits for queued broadcasts. */
    private Duration drainTimeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public double getMultiplier() {
      return multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public int getCapacity() {
      return capacity;
    }

    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }

    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }
  }

  /** The endpoints that sign channel subscriptions and user sign-ins (Laravel's paths). */
  public static class Auth {
    /** Whether the endpoints are registered (in a servlet web app with Spring MVC). */
    private boolean enabled = true;

    /** pusher-js's channelAuthorization.endpoint. */
    private String path = "/broadcasting/auth";

    /** pusher-js's userAuthentication.endpoint. */
    private String userPath = "/broadcasting/user-auth";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getUserPath() {
      return userPath;
    }

    public void setUserPath(String userPath) {
      this.userPath = userPath;
    }
  }

  /** The endpoint Herald (or Pusher) posts webhooks to; each event becomes an application event. */
  public static class Webhooks {
    /** Whether the endpoint is registered. */
    private boolean enabled;

    /** Where webhooks are posted. */
    private String path = "/broadcasting/webhooks";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }
  }

  /** A Herald server started inside this app (needs herald-server on the classpath). */
  public static class Server {
    /** Whether to start it; the Broadcaster bean then publishes to it in-process. */
    private boolean enabled;

    /** The address it listens on. */
    private String host = "127.0.0.1";

    /** The port it listens on (0 picks a free one, published as local.herald.port). */
    private int port = 6001;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }
  }
}
