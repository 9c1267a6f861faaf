package dev.herald.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * A load balancer in miniature: each accepted connection goes to the first of the backends that
 * accepts it, so a node that stopped accepting (draining) is passed over. Bytes are copied both
 * ways by daemon threads until either side closes.
 */
public final class FailoverProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Integer> backends;

  private FailoverProxy(List<Integer> backends) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.backends = List.copyOf(backends);
    daemon("proxy-accept", this::acceptLoop);
  }

  /** A proxy in front of the backends on these ports, tried in order. */
  public static FailoverProxy start(Integer... backendPorts) throws IOException {
    return new FailoverProxy(List.of(backendPorts));
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket backend = connect();
        if (backend == null) {
          client.close();
          continue;
        }
        daemon("proxy-up", () -> copy(client, backend));
        daemon("proxy-down", () -> copy(backend, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private Socket connect() {
    for (int port : backends) {
      try {
        return new Socket(InetAddress.getLoopbackAddress(), port);
      } catch (IOException refused) {
        // try the next backend
      }
    }
    return null;
  }

  private static void copy(Socket from, Socket to) {
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: both are closed
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
