package dev.herald.example.restaurant.people;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A seeded user: a customer (with a customer id), kitchen staff (with the restaurant they work at),
 * a driver (with a driver id) or an admin.
 *
 * @param username what they sign in with
 * @param name what pages show
 * @param role what they do
 * @param customerId their customer id, customers only
 * @param restaurantId the restaurant they work at, kitchen staff only
 * @param driverId their driver id, drivers only
 */
public record DemoUser(
    String username, String name, Role role, Long customerId, Long restaurantId, Long driverId) {

  static DemoUser customer(String username, String name, long customerId) {
    return new DemoUser(username, name, Role.CUSTOMER, customerId, null, null);
  }

  static DemoUser kitchen(String username, String name, long restaurantId) {
    return new DemoUser(username, name, Role.KITCHEN, null, restaurantId, null);
  }

  static DemoUser driver(String username, String name, long driverId) {
    return new DemoUser(username, name, Role.DRIVER, null, null, driverId);
  }

  static DemoUser admin(String username, String name) {
    return new DemoUser(username, name, Role.ADMIN, null, null, null);
  }

  /** Admins may see and do everything. */
  @JsonIgnore
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Whether this is customer {@code id} (or an admin). */
  public boolean isCustomer(long id) {
    return isAdmin() || (role == Role.CUSTOMER && customerId == id);
  }

  /** Whether this user works in the kitchen of restaurant {@code id} (or is an admin). */
  public boolean worksAt(long id) {
    return isAdmin() || (role == Role.KITCHEN && restaurantId == id);
  }

  /** Whether this is driver {@code id} (or an admin). */
  public boolean isDriver(long id) {
    return isAdmin() || (role == Role.DRIVER && driverId == id);
  }
}
