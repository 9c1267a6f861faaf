package dev.herald.server.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Channel;
import dev.herald.DeliveryContract.Delivery;
import dev.herald.DeliveryContract.Observer;
import dev.herald.server.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The contract's subscriber as a real WebSocket connection to a Herald server. */
final class WsObserver implements Observer {
  private final WsClient client;

  /** Connects and subscribes to every channel (signing private ones) before returning. */
  WsObserver(int port, String key, String secret, List<Channel> channels) {
    client = WsClient.connect(port, key);
    for (Channel channel : channels) {
      if (channel.type().requiresAuth()) {
        client.subscribePrivate(channel.name(), key, secret);
      } else {
        client.subscribe(channel.name());
      }
    }
  }

  @Override
  public String socketId() {
    return client.socketId();
  }

  @Override
  public List<Delivery> until(String marker) {
    JsonNode last = client.awaitEvent(marker);
    List<Delivery> seen = new ArrayList<>();
    for (JsonNode message : client.drain(Duration.ZERO)) {
      if (!message.path("event").asText().startsWith("pusher")) {
        seen.add(delivery(message));
      }
    }
    seen.add(delivery(last));
    return seen;
  }

  private static Delivery delivery(JsonNode message) {
    return new Delivery(
        message.path("channel").asText(),
        message.path("event").asText(),
        message.path("data").asText());
  }

  @Override
  public void close() {
    client.close();
  }
}
