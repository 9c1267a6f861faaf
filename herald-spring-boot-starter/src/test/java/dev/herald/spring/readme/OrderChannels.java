package dev.herald.spring.readme;

import dev.herald.PresenceMember;
import dev.herald.spring.ChannelAuthorization;
import dev.herald.spring.ChannelParam;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class OrderChannels {
  private final Customers customers;

  public OrderChannels(Customers customers) {
    this.customers = customers;
  }

  @ChannelAuthorization("orders.{orderId}") // private-orders.42
  boolean order(Principal user, @ChannelParam long orderId) {
    return customers.owns(user.getName(), orderId);
  }

  @ChannelAuthorization("support.{room}") // presence-support.general
  PresenceMember support(Principal user, @ChannelParam String room) {
    return PresenceMember.of(user.getName(), Map.of("name", user.getName()));
  }
}
