package dev.herald.server.metrics;

import dev.herald.server.protocol.PusherError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The server's metrics, served by {@code GET /metrics} in the Prometheus text format: connections,
 * channels and messages per app, slow consumers closed, dropped lifecycle events and webhooks,
 * Redis health, and the JVM's memory, GC, threads, file descriptors and CPU (the numbers that show
 * a leak over a long uptime). Meters read the counters the components keep; nothing is counted
 * twice. Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {
  /** RFC 6455's codes a client may close with, and every code Herald closes with. */
  private static final Set<Integer> KNOWN_CLOSE_CODES = knownCloseCodes();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** Meters hold their sources weakly; these keep them alive as long as the metrics. */
  private final List<Object> sources = new CopyOnWriteArrayList<>();

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** A counter read from {@code source}, e.g. {@code herald.webhooks.dropped}. */
  /**
   * Counts a closed connection in {@code herald_disconnects_total{app,code}}. Codes are Herald's
   * own and the RFC 6455 ones; any other code a client sends is counted as {@code other}, so a
   * client cannot create series at will.
   */
  public void disconnected(String appId, int code) {
    Counter.builder("herald.disconnects")
        .description("connections closed, by app and close code")
        .tag("app", appId)
        .tag("code", KNOWN_CLOSE_CODES.contains(code) ? Integer.toString(code) : "other")
        .register(registry)
        .increment();
  }

  public void counter(String name, String description, LongSupplier source) {
    sources.add(source);
    FunctionCounter.builder(name, source, s -> s.getAsLong())
        .description(description)
        .register(registry);
  }

  /** A gauge read from {@code source}. */
  public void gauge(String name, String description, LongSupplier source) {
    Gauge.builder(name, source, s -> s.getAsLong())
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** A 0/1 gauge read from {@code source}. */
  public void flag(String name, String description, BooleanSupplier source) {
    Gauge.builder(name, source, s -> s.getAsBoolean() ? 1 : 0)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** A gauge per app, tagged {@code app}. */
  public void perApp(
      String name, String description, Iterable<String> appIds, ToIntFunction<String> source) {
    for (String appId : appIds) {
      Gauge.builder(name, () -> source.applyAsInt(appId))
          .description(description)
          .tag("app", appId)
          .strongReference(true)
          .register(registry);
    }
  }

  /** A counter per app, tagged {@code app}, read from {@code source}. */
  public void perAppCounter(
      String name, String description, Iterable<String> appIds, ToLongFunction<String> source) {
    for (String appId : appIds) {
      LongSupplier count = () -> source.applyAsLong(appId);
      sources.add(count);
      FunctionCounter.builder(name, count, s -> s.getAsLong())
          .description(description)
          .tag("app", appId)
          .register(registry);
    }
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private static Set<Integer> knownCloseCodes() {
    Set<Integer> codes =
        new HashSet<>(Set.of(1000, 1001, 1002, 1003, 1006, 1007, 1008, 1009, 1011));
    for (PusherError error : PusherError.values()) {
      codes.add(error.code());
    }
    return Set.copyOf(codes);
  }
}
