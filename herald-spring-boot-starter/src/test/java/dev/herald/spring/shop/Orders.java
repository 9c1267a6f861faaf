package dev.herald.spring.shop;

import dev.herald.spring.BroadcastToOthers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ships orders in a database transaction and tells their channel. */
@Service
public class Orders {
  private final JdbcTemplate db;
  private final ApplicationEventPublisher events;

  public Orders(JdbcTemplate db, ApplicationEventPublisher events) {
    this.db = db;
    this.events = events;
  }

  /** Records the shipment and publishes {@link OrderShipped}; {@code fail} rolls it all back. */
  @Transactional
  public void ship(long orderId, String carrier, boolean fail) {
    db.update("insert into shipments(order_id, carrier) values (?, ?)", orderId, carrier);
    events.publishEvent(new OrderShipped(orderId, carrier));
    if (fail) {
      throw new IllegalStateException("the carrier refused order " + orderId);
    }
  }

  /** As {@link #ship}, leaving out the client whose request this is (its X-Socket-ID). */
  @Transactional
  public void shipToOthers(long orderId, String carrier) {
    db.update("insert into shipments(order_id, carrier) values (?, ?)", orderId, carrier);
    events.publishEvent(BroadcastToOthers.of(new OrderShipped(orderId, carrier)));
  }

  /** How many shipments were recorded for the order. */
  public int shipments(long orderId) {
    return db.queryForObject(
        "select count(*) from shipments where order_id = ?", Integer.class, orderId);
  }
}
