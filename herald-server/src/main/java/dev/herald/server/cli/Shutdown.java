package dev.herald.server.cli;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What ends {@code herald serve}: SIGTERM (a deploy or scale-down: drain, then exit 0) or SIGINT
 * (Ctrl-C: stop at once, exit 0). Both are taken over from the JVM, whose default would run the
 * shutdown hooks in no particular order and exit with 143 or 130, which orchestrators read as a
 * crash. The handlers are installed through {@code sun.misc.Signal} (module jdk.unsupported, in
 * every JDK since 9) by reflection, as javac warns on any direct use of it; where it is missing, a
 * shutdown hook reports TERM.
 */
final class Shutdown {
  /** The signal that asked the server to stop. */
  enum Signal {
    TERM,
    INT
  }

  private final CompletableFuture<Signal> received = new CompletableFuture<>();

  private Shutdown() {}

  /** Starts listening for SIGTERM and SIGINT. */
  static Shutdown onSignals() {
    Shutdown shutdown = new Shutdown();
    try {
      for (Signal signal : Signal.values()) {
        shutdown.handle(signal);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> shutdown.received.complete(Signal.TERM)));
    }
    return shutdown;
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
                    received.complete(signal);
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "herald " + signal + " handler";
                });
    Object os = signalType.getConstructor(String.class).newInstance(signal.name());
    signalType.getMethod("handle", signalType, handlerType).invoke(null, os, handler);
  }

  /** Blocks until a signal arrives; returns which. */
  Signal await() {
    try {
      return received.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Signal.INT;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
