package dev.herald.readme;

import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import java.util.List;

/** The README's event class. */
public record OrderShipped(long orderId, String carrier) implements BroadcastEvent {
  @Override
  public List<Channel> broadcastOn() {
    return List.of(Channel.privateChannel("orders." + orderId));
  }
}
