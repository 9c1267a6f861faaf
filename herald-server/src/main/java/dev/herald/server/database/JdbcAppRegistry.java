package dev.herald.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.StaticAppRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apps from a database table (see {@link AppTable}) together with the apps of the config file.
 * Lookups never block: they read an in-memory snapshot, which one thread of its own replaces every
 * {@link DatabaseSettings#refreshInterval()} with the table's current rows, so a changed, disabled
 * or deleted row is seen within one interval. When the database cannot be read the last snapshot
 * stays, logged once per outage. Thread-safe; close it to stop refreshing.
 *
 * <p>The config file's apps always win: a row whose id or key a file app has is an error at start
 * and is left out (with a warning) at a later refresh.
 */
public final class JdbcAppRegistry implements AppRegistry, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcAppRegistry.class);

  private static final Duration FIRST_LOAD_PATIENCE = Duration.ofSeconds(10);

  private final DatabaseSettings settings;
  private volatile List<App> fileApps;
  private volatile Consumer<List<App>> onChange = apps -> {};
  private final AppTable table;
  private final HikariDataSource pool;
  private final ScheduledExecutorService refresher;
  private final AtomicLong refreshes = new AtomicLong();
  private volatile StaticAppRegistry snapshot;
  // Touched by the refresh thread only (and by start, before it runs).
  private boolean unreachable;
  private Set<String> reported = Set.of();

  private JdbcAppRegistry(DatabaseSettings settings, List<App> fileApps) {
    this.settings = settings;
    this.fileApps = List.copyOf(fileApps);
    this.table = new AppTable(settings.table());
    this.pool = new HikariDataSource(poolConfig(settings));
    this.refresher = Executors.newSingleThreadScheduledExecutor(JdbcAppRegistry::refreshThread);
  }

  /**
   * Loads the table once and then refreshes it in the background. Blocks for the first load.
   *
   * @throws IllegalStateException when the table cannot be read, or a row has the id or key of a
   *     file app; the message names the (redacted) URL and table, never the password
   */
  public static JdbcAppRegistry start(DatabaseSettings settings, List<App> fileApps) {
    JdbcAppRegistry registry = new JdbcAppRegistry(settings, fileApps);
    try {
      registry.snapshot = registry.firstLoad();
    } catch (SQLException | RuntimeException e) {
      registry.close();
      throw new IllegalStateException(
          "Cannot load apps from the database " + registry.describe() + ": " + registry.reason(e),
          e);
    }
    log.info(
        "{} apps from the database {}, refreshed every {} s",
        registry.snapshot.all().size() - registry.fileApps.size(),
        registry.describe(),
        settings.refreshInterval().toMillis() / 1000.0);
    long every = settings.refreshInterval().toMillis();
    registry.refresher.scheduleWithFixedDelay(
        registry::refresh, every, every, TimeUnit.MILLISECONDS);
    return registry;
  }

  @Override
  public Optional<App> findById(String id) {
    return snapshot.findById(id);
  }

  @Override
  public Optional<App> findByKey(String key) {
    return snapshot.findByKey(key);
  }

  @Override
  public Collection<App> all() {
    return snapshot.all();
  }

  /**
   * The load at start. A refresh gives up connecting within its interval; at start a busy machine
   * or a database still starting may need longer, so a timed-out connection is tried again for up
   * to {@link #FIRST_LOAD_PATIENCE} (a refused password or a missing table fails at once).
   */
  private StaticAppRegistry firstLoad() throws SQLException {
    long deadline = System.nanoTime() + FIRST_LOAD_PATIENCE.toNanos();
    while (true) {
      try {
        return load(true);
      } catch (SQLTransientConnectionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** Stops refreshing and closes the connection pool. Blocks until done. */
  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(AppTable.QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.close();
  }

  /** One refresh; never throws, or the executor would stop scheduling it. */
  private void refresh() {
    try {
      StaticAppRegistry before = snapshot;
      StaticAppRegistry fresh = load(false);
      snapshot = fresh;
      if (!List.copyOf(fresh.all()).equals(List.copyOf(before.all()))) {
        onChange.accept(List.copyOf(fresh.all()));
      }
      if (unreachable) {
        unreachable = false;
        log.info(
            "the apps database {} answers again: {} apps",
            describe(),
            fresh.all().size() - fileApps.size());
      }
    } catch (Exception e) { // any failure: a refresh that throws would never be scheduled again
      if (!unreachable) {
        unreachable = true;
        log.warn(
            "cannot refresh apps from the database {} ({}); serving the last {} apps until it"
                + " answers",
            describe(),
            reason(e),
            snapshot.all().size());
      }
    } finally {
      refreshes.incrementAndGet();
    }
  }

  /**
   * Calls {@code listener} with every app (the file's and the table's) after each refresh that
   * changed them, on the refresh thread; the server applies them as a reload.
   */
  public void onChange(Consumer<List<App>> listener) {
    this.onChange = listener;
  }

  /**
   * Serves {@code apps} as the config file's apps from now on (a reload), reading the table again
   * at once; returns every app.
   *
   * @throws IllegalStateException when the table cannot be read: the reload is refused and the
   *     previous apps stay
   */
  public List<App> reloadFileApps(List<App> apps) {
    List<App> previous = fileApps;
    fileApps = List.copyOf(apps);
    try {
      snapshot = load(false);
      return List.copyOf(snapshot.all());
    } catch (SQLException | RuntimeException e) {
      fileApps = previous;
      throw new IllegalStateException(
          "cannot read the apps database " + describe() + " to reload: " + reason(e), e);
    }
  }

  /** Refreshes tried since start, succeeded or not (for tests to wait on). */
  long refreshes() {
    return refreshes.get();
  }

  /** The file apps and the table's rows; at start a clash with a file app is an error. */
  private StaticAppRegistry load(boolean starting) throws SQLException {
    Set<String> problems = new LinkedHashSet<>();
    List<App> rows;
    try (Connection connection = pool.getConnection()) {
      rows = table.readAll(connection, problems::add);
    }
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    fileApps.forEach(app -> ids.add(app.id()));
    fileApps.forEach(app -> keys.add(app.key()));
    List<App> apps = new ArrayList<>(fileApps);
    for (App row : rows) {
      if (ids.contains(row.id()) || keys.contains(row.key())) {
        String clash =
            "app '"
                + row.id()
                + "' in table "
                + settings.table()
                + " has the id or key of an app in the config file; the file's app is served";
        if (starting) {
          throw new IllegalStateException(clash);
        }
        problems.add(clash);
        continue;
      }
      ids.add(row.id());
      keys.add(row.key());
      apps.add(row);
    }
    report(problems);
    return new StaticAppRegistry(apps);
  }

  /** Warns of each problem once, until it goes away and comes back. */
  private void report(Set<String> problems) {
    for (String problem : problems) {
      if (!reported.contains(problem)) {
        log.warn("{}; the row is left out", problem);
      }
    }
    reported = Set.copyOf(problems);
  }

  private String describe() {
    return settings.redactedUrl() + " (table " + settings.table() + ")";
  }

  /**
   * What went wrong: the message and, when the pool wraps the driver's error, the driver's; with
   * any password masked, should a driver ever quote it.
   */
  private String reason(Exception e) {
    String text = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      text = text + ": " + root.getMessage();
    }
    text = JdbcUrls.redacted(text);
    String password = settings.password();
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }

  private static HikariConfig poolConfig(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("herald-apps");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    // One refresh at a time needs one connection; none kept open between refreshes when idle.
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(0);
    // A refresh should not outlast its interval: give up connecting by then (Hikari's floor 250
    // ms).
    long interval = settings.refreshInterval().toMillis();
    config.setConnectionTimeout(Math.max(250, Math.min(5_000, interval)));
    config.setValidationTimeout(Math.max(250, Math.min(2_000, interval)));
    // Connect on the first load, so that its failure is ours to report (not a pool exception).
    config.setInitializationFailTimeout(-1);
    config.setReadOnly(true);
    return config;
  }

  private static Thread refreshThread(Runnable task) {
    Thread thread = new Thread(task, "herald-apps-refresh");
    thread.setDaemon(true);
    return thread;
  }
}
