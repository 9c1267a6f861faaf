package dev.herald.spring.shop;

import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import java.util.List;

/** Broadcast on the order's private channel when it ships. */
public record OrderShipped(long orderId, String carrier) implements BroadcastEvent {
  @Override
  public List<Channel> broadcastOn() {
    return List.of(Channel.privateChannel("orders." + orderId));
  }
}
