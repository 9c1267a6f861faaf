package dev.herald.example.restaurant.people;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The seeded users, all with the password {@value #PASSWORD} (the README and the sign-in page list
 * them). Two customers, kitchen staff at both restaurants, two drivers and an admin.
 */
@Component
public class DemoUsers {
  /** Every demo user's password. */
  public static final String PASSWORD = "demo";

  private final Map<String, DemoUser> users = new LinkedHashMap<>();

  /** The seeded users. */
  public DemoUsers() {
    add(DemoUser.customer("alice", "Alice Martin", 1));
    add(DemoUser.customer("bob", "Bob Chen", 2));
    add(DemoUser.kitchen("kenji", "Kenji Sato", 1));
    add(DemoUser.kitchen("maria", "Maria Rossi", 1));
    add(DemoUser.kitchen("omar", "Omar Haddad", 2));
    add(DemoUser.driver("dave", "Dave Miller", 1));
    add(DemoUser.driver("dina", "Dina Kaur", 2));
    add(DemoUser.admin("admin", "Ada Admin"));
  }

  private void add(DemoUser user) {
    users.put(user.username(), user);
  }

  /** Every user, in seeding order. */
  public List<DemoUser> all() {
    return List.copyOf(users.values());
  }

  /** The user signed in as {@code principal}, if it is one of ours. */
  public Optional<DemoUser> find(Principal principal) {
    return principal == null
        ? Optional.empty()
        : Optional.ofNullable(users.get(principal.getName()));
  }

  /**
   * The user signed in as {@code principal}.
   *
   * @throws ResponseStatusException 401 when nobody (or nobody we know) is signed in
   */
  public DemoUser require(Principal principal) {
    return find(principal).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }

  /** The name of driver {@code driverId}. */
  public String driverName(long driverId) {
    return users.values().stream()
        .filter(user -> user.role() == Role.DRIVER && user.driverId() == driverId)
        .map(DemoUser::name)
        .findFirst()
        .orElse("Driver " + driverId);
  }

  /** The ids of every driver: an order that is ready is offered to all of them. */
  public List<Long> driverIds() {
    return users.values().stream()
        .filter(user -> user.role() == Role.DRIVER)
        .map(DemoUser::driverId)
        .toList();
  }

  /** The users as Spring Security sees them: a role authority each. */
  List<UserDetails> userDetails() {
    return users.values().stream()
        .map(
            user ->
                User.withUsername(user.username())
                    .password("{noop}" + PASSWORD)
                    .roles(user.role().name())
                    .build())
        .toList();
  }
}
