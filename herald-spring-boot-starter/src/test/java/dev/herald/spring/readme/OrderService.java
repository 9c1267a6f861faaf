package dev.herald.spring.readme;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {
  private final JdbcTemplate db;
  private final ApplicationEventPublisher events;

  public OrderService(JdbcTemplate db, ApplicationEventPublisher events) {
    this.db = db;
    this.events = events;
  }

  @Transactional
  public void ship(long orderId, String carrier) {
    db.update("insert into shipments(order_id, carrier) values (?, ?)", orderId, carrier);
    events.publishEvent(new OrderShipped(orderId, carrier)); // sent once the transaction commits
  }
}
