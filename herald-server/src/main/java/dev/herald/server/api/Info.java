package dev.herald.server.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The channel attributes a client may ask for with {@code info=a,b} (§1.11): on {@code /events},
 * {@code /batch_events}, {@code /channels} and {@code /channels/{channel}}.
 */
enum Info {
  /** Distinct users in a presence channel; meaningless (and refused or omitted) elsewhere. */
  USER_COUNT("user_count"),
  /** Connections subscribed to the channel. */
  SUBSCRIPTION_COUNT("subscription_count"),
  /** The cached event of a cache channel ({@code GET /channels/{channel}} only). */
  CACHE("cache");

  static final String PARAM = "info";

  final String field;

  Info(String field) {
    this.field = field;
  }

  /**
   * The attributes in a comma-separated list; null or blank means none. Spaces around names and
   * empty items are ignored; an unknown name is a 400 naming {@code where} (the field or
   * parameter).
   */
  static Set<Info> parse(String list, String where) {
    Set<Info> result = EnumSet.noneOf(Info.class);
    if (list == null) {
      return result;
    }
    for (String item : list.split(",", -1)) {
      String name = item.trim();
      if (!name.isEmpty()) {
        result.add(named(name, where));
      }
    }
    return result;
  }

  private static Info named(String name, String where) {
    for (Info info : values()) {
      if (info.field.equals(name)) {
        return info;
      }
    }
    throw ApiException.badRequest(
        "Unknown attribute '"
            + ApiException.printable(name)
            + "' in '"
            + where
            + "'; supported: user_count, subscription_count, cache");
  }
}
