package dev.herald.server.app;

/**
 * The app Herald serves when started without any configuration, so that {@code herald serve} works
 * out of the box. Its credentials are public, so it is only ever bound to a loopback address, and
 * no other start accepts its secret on a public address.
 */
public final class DevelopmentApp {
  /** The development app id. */
  public static final String ID = "herald-dev";

  /** The development app key. */
  public static final String KEY = "herald-dev-key";

  /** The development app secret: public, hence refused on non-loopback addresses. */
  public static final String SECRET = "herald-dev-secret";

  /** The address the development server binds unless told otherwise. */
  public static final String HOST = "127.0.0.1";

  private DevelopmentApp() {}

  /** The development app: enabled, client events on, default limits and features. */
  public static App app() {
    return App.of(ID, KEY, SECRET);
  }

  /**
   * Whether the development app (with its public secret, hence on loopback only) is among {@code
   * apps}: the server then runs in development mode.
   */
  public static boolean isAmong(java.util.List<App> apps) {
    return apps.stream().anyMatch(app -> app.id().equals(ID) && app.secret().equals(SECRET));
  }
}
