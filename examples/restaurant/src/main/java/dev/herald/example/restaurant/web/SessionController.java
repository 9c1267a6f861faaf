package dev.herald.example.restaurant.web;

import dev.herald.Broadcasters;
import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.Restaurant;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.spring.HeraldProperties;
import dev.herald.spring.server.HeraldServerAutoConfiguration;
import java.security.Principal;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every page needs first: who is signed in, the CSRF token, where Herald listens, the map and
 * the restaurants. The sign-in page only asks for the CSRF token.
 */
@RestController
class SessionController {
  private final DemoUsers users;
  private final CityMap map;
  private final HeraldProperties herald;
  private final Environment environment;

  SessionController(
      DemoUsers users, CityMap map, HeraldProperties herald, Environment environment) {
    this.users = users;
    this.map = map;
    this.herald = herald;
    this.environment = environment;
  }

  /** Where pages connect Laravel Echo to: the embedded server's actual port. */
  record HeraldClient(String key, String wsHost, int wsPort) {}

  record Session(
      DemoUser user,
      String csrfToken,
      HeraldClient herald,
      CityMap.Bounds map,
      List<Restaurant> restaurants,
      List<DemoUser> users) {}

  record Csrf(String token, String headerName, String parameterName) {}

  @GetMapping("/api/session")
  Session session(Principal principal, CsrfToken csrf) {
    DemoUser user = users.require(principal);
    String key = herald.getAppKey() == null ? Broadcasters.DEVELOPMENT_APP_KEY : herald.getAppKey();
    int port =
        environment.getProperty(
            HeraldServerAutoConfiguration.PORT_PROPERTY,
            Integer.class,
            herald.getServer().getPort());
    return new Session(
        user,
        csrf.getToken(),
        new HeraldClient(key, herald.getServer().getHost(), port),
        map.bounds(),
        map.restaurants(),
        user.isAdmin() ? users.all() : List.of());
  }

  @GetMapping("/api/csrf")
  Csrf csrf(CsrfToken csrf) {
    return new Csrf(csrf.getToken(), csrf.getHeaderName(), csrf.getParameterName());
  }
}
