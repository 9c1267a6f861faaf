package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Channel;
import dev.herald.DeliveryContract.Delivery;
import dev.herald.DeliveryContract.Observer;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.RedisSubscriber.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's subscriber for {@link RedisBroadcaster}: what a Herald node would deliver to a
 * local subscriber with socket id {@code 1111.2222}, read from the envelopes on Redis pub/sub. It
 * also checks each envelope is where it belongs: published on its channel's pub/sub channel, with
 * JSON that names the same channel.
 */
final class RedisEnvelopeObserver implements Observer {
  private final RedisSubscriber subscriber;
  private final RedisKeys keys;
  private final String appId;
  private final List<String> channels;

  RedisEnvelopeObserver(String uri, RedisKeys keys, String appId, List<Channel> channels) {
    this.subscriber = RedisSubscriber.subscribe(uri, keys.eventChannelPattern());
    this.keys = keys;
    this.appId = appId;
    this.channels = channels.stream().map(Channel::name).toList();
  }

  @Override
  public String socketId() {
    return "1111.2222";
  }

  @Override
  public List<Delivery> until(String marker) {
    List<Delivery> seen = new ArrayList<>();
    while (true) {
      Received received = subscriber.next();
      RedisEnvelope envelope = received.envelope();
      assertThat(received.pubsubChannel()).isEqualTo(keys.eventChannel(appId, envelope.channel()));
      if (!channels.contains(envelope.channel()) || socketId().equals(envelope.exceptSocketId())) {
        continue;
      }
      Delivery delivery = delivery(envelope);
      seen.add(delivery);
      if (delivery.event().equals(marker)) {
        return seen;
      }
    }
  }

  @Override
  public void close() {
    subscriber.close();
  }

  private static Delivery delivery(RedisEnvelope envelope) {
    try {
      JsonNode json = PusherJson.mapper().readTree(envelope.payload());
      assertThat(json.path(PusherJson.CHANNEL).asText()).isEqualTo(envelope.channel());
      return new Delivery(
          envelope.channel(),
          json.path(PusherJson.EVENT).asText(),
          json.path(PusherJson.DATA).asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
