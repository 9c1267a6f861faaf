package dev.herald;

/**
 * Makes a {@link Broadcaster} from settings: a driver, as registered with {@link
 * Broadcasters#register(String, BroadcasterFactory)}. Called once per broadcaster, on the thread
 * that asks {@link Broadcasters} for one.
 */
@FunctionalInterface
public interface BroadcasterFactory {
  /**
   * A new broadcaster configured from {@code settings}.
   *
   * @throws IllegalArgumentException when a setting is missing or invalid (say which, by {@link
   *     DriverSettings#describe(String)}, never with a secret's value)
   */
  Broadcaster create(DriverSettings settings);
}
