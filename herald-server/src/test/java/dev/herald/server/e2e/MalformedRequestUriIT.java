package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request target with a malformed percent-escape is a client error: 400 with a reason, on the
 * HTTP API and on the WebSocket endpoint alike, and the connection stays usable. (Found while
 * writing HttpApiFuzzTest, which decodes targets as the router does: such a request used to get no
 * answer at all, a closed connection and a warning with a stack trace in the log.)
 */
class MalformedRequestUriIT {
  private static final App APP = App.of("1", "app-key", "app-secret");
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
  private static HeraldServer server;

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void answersBadEscapesInTheApiQueryOrPathWith400AndKeepsTheConnection() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      for (String target : List.of("/apps/1/channels?auth_key=%zz", "/apps/%/events", "/up?x=%4")) {
        String response = exchange(socket, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Malformed request URI");
      }
      assertThat(exchange(socket, "GET /up HTTP/1.1\r\nHost: x\r\n\r\n"))
          .startsWith("HTTP/1.1 200 ");
    }
  }

  @Test
  void answersAWebSocketUpgradeWithABadEscapeWith400() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String upgrade =
          "GET /app/app-key?protocol=7&client=%zz HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\n\r\n";
      assertThat(exchange(socket, upgrade))
          .startsWith("HTTP/1.1 400 ")
          .contains("Malformed request URI");
    }
    WsClient client = WsClient.connect(server.port(), APP.key());
    client.close();
  }

  /** Sends one request and reads one response (head and a Content-Length body). */
  private static String exchange(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after: " + head.toString(StandardCharsets.US_ASCII));
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    Matcher length = CONTENT_LENGTH.matcher(text);
    int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return text + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
  }
}
