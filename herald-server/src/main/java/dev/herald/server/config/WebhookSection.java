package dev.herald.server.config;

import dev.herald.WebhookEventType;
import dev.herald.server.app.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One item of an app's {@code webhooks:} as written (protocol reference §1.12, with Soketi's filter
 * keys); null components are absent keys. Errors name the key ({@code apps[0].webhooks[1].url}) and
 * never quote a URL or a header value, which may carry credentials.
 *
 * @param url where events are POSTed (required)
 * @param eventTypes the event types sent there; none means all
 * @param filter which channels' events are sent there
 * @param headers extra request headers, in file order
 */
record WebhookSection(
    String url, List<String> eventTypes, FilterSection filter, Map<String, String> headers) {

  /** Headers Herald sets itself, or that the HTTP client refuses to take from configuration. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-type",
          "x-pusher-key",
          "x-pusher-signature",
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade");

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  WebhookSection {
    url = Scalars.text(url);
    eventTypes = eventTypes == null ? List.of() : Collections.unmodifiableList(eventTypes);
    headers = headers == null ? Map.of() : Collections.unmodifiableMap(headers);
  }

  /**
   * The channel filter as written.
   *
   * @param channelNameStartsWith only channels starting with this, or null
   * @param channelNameEndsWith only channels ending with this, or null
   */
  record FilterSection(String channelNameStartsWith, String channelNameEndsWith) {
    FilterSection {
      channelNameStartsWith = Scalars.text(channelNameStartsWith);
      channelNameEndsWith = Scalars.text(channelNameEndsWith);
    }
  }

  /**
   * The webhook {@code section} describes.
   *
   * @throws ConfigException naming the key of the first invalid value, or when {@code section} is
   *     null ({@code - ~} in the list)
   */
  static Webhook webhook(WebhookSection section, Where where) {
    if (section == null) {
      throw where.problem(ConfigFile.NOT_A_MAPPING);
    }
    return section.webhook(where);
  }

  private Webhook webhook(Where where) {
    where.require("url", url);
    URI uri;
    try {
      uri = httpUrl(url);
    } catch (IllegalArgumentException e) {
      throw where.invalid("url", e.getMessage());
    }
    Set<String> types = new LinkedHashSet<>();
    for (String type : eventTypes) {
      if (type == null) {
        throw where.invalid("event_types", "must be a list of single values");
      }
      if (WebhookEventType.find(type.strip()).isEmpty()) {
        throw where.invalid(
            "event_types",
            "has an unknown event type '" + type.strip() + "'; known: " + Webhook.knownTypes());
      }
      types.add(type.strip());
    }
    headers.forEach((name, value) -> checkHeader(where, name, value));
    String starts = filter == null ? null : filter.channelNameStartsWith();
    String ends = filter == null ? null : filter.channelNameEndsWith();
    return where.build(() -> new Webhook(uri, types, starts, ends, headers));
  }

  /**
   * {@code text} as an absolute http(s) URL with a host.
   *
   * @throws IllegalArgumentException saying what is wrong, without quoting the URL
   */
  static URI httpUrl(String text) {
    String problem = "must be an absolute http:// or https:// URL with a host";
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem + " (" + e.getReason() + ")", e);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException(problem);
    }
    return url;
  }

  private static void checkHeader(Where where, String name, String value) {
    if (value == null) {
      throw where.invalid("headers", "must map '" + name + "' to a single value");
    }
    if (!HEADER_NAME.matcher(name).matches()) {
      throw where.invalid("headers", "has an invalid header name '" + name + "'");
    }
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw where.invalid(
          "headers", "cannot set '" + name + "': Herald sets it (or the HTTP client forbids it)");
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      throw where.invalid("headers", "has a control character in the value of '" + name + "'");
    }
  }
}
