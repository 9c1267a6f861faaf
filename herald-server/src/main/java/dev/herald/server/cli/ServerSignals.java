package dev.herald.server.cli;

import java.lang.reflect.Proxy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The signals {@code herald serve} acts on: SIGTERM (a deploy or scale-down: drain, then exit 0),
 * SIGINT (Ctrl-C: stop at once, exit 0) and SIGHUP (reload the configuration and carry on). They
 * are taken over from the JVM, whose default would run the shutdown hooks in no particular order
 * and exit with 143 or 130, which orchestrators read as a crash, and would end the process on
 * SIGHUP. The handlers are installed through {@code sun.misc.Signal} (module jdk.unsupported, in
 * every JDK since 9) by reflection, as javac warns on any direct use of it; where it is missing, a
 * shutdown hook reports TERM.
 */
final class ServerSignals {
  /** A signal {@code herald serve} acts on. */
  enum Signal {
    TERM,
    INT,
    HUP
  }

  private final BlockingQueue<Signal> received = new LinkedBlockingQueue<>();

  private ServerSignals() {}

  /** Starts listening for SIGTERM, SIGINT and SIGHUP. */
  static ServerSignals install() {
    ServerSignals signals = new ServerSignals();
    try {
      for (Signal signal : Signal.values()) {
        signals.handle(signal);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> signals.received.add(Signal.TERM)));
    }
    return signals;
  }

  private void handle(Signal signal) throws ReflectiveOperationException {
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object handler =
        Proxy.newProxyInstance(
            handlerType.getClassLoader(),
            new Class<?>[] {handlerType},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "handle" -> {
                    received.add(signal);
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "herald " + signal + " handler";
                });
    Object os = signalType.getConstructor(String.class).newInstance(signal.name());
    signalType.getMethod("handle", signalType, handlerType).invoke(null, os, handler);
  }

  /** Blocks until the next signal arrives; returns which (INT when interrupted). */
  Signal next() {
    try {
      return received.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Signal.INT;
    }
  }
}
