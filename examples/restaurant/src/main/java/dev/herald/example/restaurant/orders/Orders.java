package dev.herald.example.restaurant.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The orders in the app's H2 database (schema.sql), read and written with plain SQL. */
@Repository
public class Orders {
  private static final String SELECT = "select * from orders ";

  private final JdbcTemplate db;

  Orders(JdbcTemplate db) {
    this.db = db;
  }

  /** Stores a new order, status placed and no driver; returns its id. */
  long insert(
      long customerId,
      String customerName,
      long restaurantId,
      List<OrderItem> items,
      String specialInstructions,
      Instant createdAt) {
    BigDecimal total =
        items.stream()
            .map(item -> item.price().multiply(BigDecimal.valueOf(item.quantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    var key = new GeneratedKeyHolder();
    db.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "insert into orders(customer_id, customer_name, restaurant_id, total_amount,"
                      + " special_instructions, status, delivery_status, created_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setLong(1, customerId);
          insert.setString(2, customerName);
          insert.setLong(3, restaurantId);
          insert.setBigDecimal(4, total);
          insert.setString(5, specialInstructions);
          insert.setString(6, OrderStatus.PLACED.wire());
          insert.setString(7, DeliveryStatus.UNASSIGNED.wire());
          insert.setTimestamp(8, Timestamp.from(createdAt));
          return insert;
        },
        key);
    long id = key.getKey().longValue();
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      db.update(
          "insert into order_items(order_id, position, item_id, name, quantity, price)"
              + " values (?, ?, ?, ?, ?, ?)",
          id,
          i,
          item.id(),
          item.name(),
          item.quantity(),
          item.price());
    }
    return id;
  }

  /** Order {@code id}, if there is one. */
  public Optional<Order> find(long id) {
    return db.query(SELECT + "where id = ?", this::order, id).stream().findFirst();
  }

  /** A customer's orders, newest first. */
  public List<Order> ofCustomer(long customerId) {
    return db.query(SELECT + "where customer_id = ? order by id desc", this::order, customerId);
  }

  /** What the kitchen of a restaurant still has to cook or hand over, oldest first. */
  public List<Order> inKitchen(long restaurantId) {
    return db.query(
        SELECT
            + "where restaurant_id = ? and status in ('placed', 'preparing', 'ready') order by id",
        this::order,
        restaurantId);
  }

  /** Orders ready for pickup that no driver has taken yet, oldest first. */
  public List<Order> awaitingDriver() {
    return db.query(
        SELECT + "where status = 'ready' and driver_id is null order by id", this::order);
  }

  /** A driver's deliveries not yet delivered. */
  public List<Order> deliveriesOf(long driverId) {
    return db.query(
        SELECT + "where driver_id = ? and delivery_status <> 'delivered' order by id",
        this::order,
        driverId);
  }

  void updateStatus(long id, OrderStatus status) {
    db.update("update orders set status = ? where id = ?", status.wire(), id);
  }

  void updateDelivery(long id, DeliveryStatus status) {
    db.update("update orders set delivery_status = ? where id = ?", status.wire(), id);
  }

  /** Gives the order to a driver unless another has it already; true when this one got it. */
  boolean assign(long id, long driverId, String driverName) {
    return db.update(
            "update orders set driver_id = ?, driver_name = ?, delivery_status = ?"
                + " where id = ? and driver_id is null",
            driverId,
            driverName,
            DeliveryStatus.ASSIGNED.wire(),
            id)
        == 1;
  }

  void moveDriver(long id, GeoPoint location) {
    db.update(
        "update orders set driver_latitude = ?, driver_longitude = ? where id = ?",
        location.latitude(),
        location.longitude(),
        id);
  }

  private Order order(ResultSet row, int index) throws SQLException {
    long id = row.getLong("id");
    List<OrderItem> items =
        db.query(
            "select * from order_items where order_id = ? order by position",
            (item, i) ->
                new OrderItem(
                    item.getLong("item_id"),
                    item.getString("name"),
                    item.getInt("quantity"),
                    item.getBigDecimal("price")),
            id);
    long driverId = row.getLong("driver_id");
    boolean hasDriver = !row.wasNull();
    double latitude = row.getDouble("driver_latitude");
    GeoPoint location =
        row.wasNull() ? null : new GeoPoint(latitude, row.getDouble("driver_longitude"));
    return new Order(
        id,
        Order.number(id),
        row.getLong("customer_id"),
        row.getString("customer_name"),
        row.getLong("restaurant_id"),
        items,
        row.getBigDecimal("total_amount"),
        row.getString("special_instructions"),
        OrderStatus.fromWire(row.getString("status")),
        DeliveryStatus.fromWire(row.getString("delivery_status")),
        hasDriver ? driverId : null,
        row.getString("driver_name"),
        location,
        row.getTimestamp("created_at").toInstant());
  }
}
