package dev.herald.spring.readme;

import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import java.util.List;

public record OrderShipped(long orderId, String carrier) implements BroadcastEvent {
  @Override
  public List<Channel> broadcastOn() {
    return List.of(Channel.privateChannel("orders." + orderId));
  }
}
