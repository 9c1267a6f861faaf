package dev.herald.server.api;

import dev.herald.ChannelAttribute;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code info=a,b} a client may send (§1.11) on {@code /events}, {@code /batch_events}, {@code
 * /channels} and {@code /channels/{channel}}: which {@link ChannelAttribute}s to report.
 */
final class InfoParameter {
  static final String NAME = "info";

  /**
   * {@code user_count, subscription_count, cache}: every attribute, as error messages list them.
   */
  private static final String SUPPORTED =
      Arrays.stream(ChannelAttribute.values())
          .map(ChannelAttribute::field)
          .collect(Collectors.joining(", "));

  private InfoParameter() {}

  /**
   * The attributes in a comma-separated list; null or blank means none. Spaces around names and
   * empty items are ignored; an unknown name is a 400 naming {@code where} (the field or
   * parameter).
   */
  static Set<ChannelAttribute> parse(String list, String where) {
    Set<ChannelAttribute> result = EnumSet.noneOf(ChannelAttribute.class);
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

  private static ChannelAttribute named(String name, String where) {
    return ChannelAttribute.find(name)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "Unknown attribute '"
                        + ApiException.printable(name)
                        + "' in '"
                        + where
                        + "'; supported: "
                        + SUPPORTED));
  }
}
