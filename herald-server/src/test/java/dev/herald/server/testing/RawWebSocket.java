package dev.herald.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a bare socket that answers nothing, not even control pings: the test double
 * for a client that has gone silent. Reads are bounded by a socket timeout.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 0x1;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;

  private final Socket socket;
  private final DataInputStream in;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Connects and completes the opening handshake; fails unless the server answers 101. */
  public static RawWebSocket connect(int port, String pathAndQuery) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) WsClient.TIMEOUT.toMillis());
    String key = Base64.getEncoder().encodeToString("raw-websocket-key".getBytes());
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: "
                + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    RawWebSocket ws = new RawWebSocket(socket);
    String status = ws.readLine();
    if (!status.contains(" 101 ")) {
      throw new IOException("no upgrade: " + status);
    }
    while (!ws.readLine().isEmpty()) {
      // Skip the response headers.
    }
    return ws;
  }

  /** Reads the next frame (opcode and payload); throws on timeout. */
  public Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0F, payload);
  }

  /** Reads frames until one with {@code opcode} arrives. */
  public Frame readUntil(int opcode) throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == opcode) {
        return frame;
      }
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed during the handshake");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One frame as read from the wire. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    public int closeCode() {
      return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }
  }
}
