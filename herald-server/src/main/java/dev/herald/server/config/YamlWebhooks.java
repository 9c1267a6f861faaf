package dev.herald.server.config;

import dev.herald.server.app.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an app's {@code webhooks} list from the YAML file (protocol reference §1.12, with Soketi's
 * filter keys). Errors name the key ({@code apps[0].webhooks[1].url}) and never quote a URL or a
 * header value, which may carry credentials.
 */
final class YamlWebhooks {
  static final List<String> WEBHOOK_KEYS = List.of("url", "event_types", "filter", "headers");
  static final List<String> FILTER_KEYS =
      List.of("channel_name_starts_with", "channel_name_ends_with");

  /** The event types in the order the documentation lists them (same set as the record's). */
  static final List<String> EVENT_TYPES =
      List.of(
          "channel_occupied",
          "channel_vacated",
          "member_added",
          "member_removed",
          "client_event",
          "cache_miss",
          "subscription_count");

  /** Headers Herald sets itself, or that the HTTP client refuses to take from configuration. */
  static final Set<String> RESERVED_HEADERS =
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

  private YamlWebhooks() {}

  /** The webhooks of {@code app}; none when it has no {@code webhooks} key. */
  static List<Webhook> read(YamlSection app) {
    List<Webhook> webhooks = new ArrayList<>();
    for (YamlSection section : app.sections("webhooks")) {
      webhooks.add(webhook(section));
    }
    return webhooks;
  }

  private static Webhook webhook(YamlSection section) {
    section.rejectUnknownKeys(WEBHOOK_KEYS);
    section.requireKeys("url");
    URI url = url(section);
    Set<String> types = new LinkedHashSet<>(section.texts("event_types"));
    for (String type : types) {
      if (!EVENT_TYPES.contains(type)) {
        throw section.invalid(
            "event_types",
            "has an unknown event type '" + type + "'; known: " + String.join(", ", EVENT_TYPES));
      }
    }
    String prefix = null;
    String suffix = null;
    YamlSection filter = section.section("filter").orElse(null);
    if (filter != null) {
      filter.rejectUnknownKeys(FILTER_KEYS);
      prefix = filter.text("channel_name_starts_with").orElse(null);
      suffix = filter.text("channel_name_ends_with").orElse(null);
    }
    Map<String, String> headers = section.textMapping("headers");
    headers.forEach((name, value) -> checkHeader(section, name, value));
    String starts = prefix;
    String ends = suffix;
    return section.build(() -> new Webhook(url, types, starts, ends, headers));
  }

  private static URI url(YamlSection section) {
    try {
      return httpUrl(section.text("url").orElseThrow());
    } catch (IllegalArgumentException e) {
      throw section.invalid("url", e.getMessage());
    }
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

  private static void checkHeader(YamlSection section, String name, String value) {
    if (!HEADER_NAME.matcher(name).matches()) {
      throw section.invalid("headers", "has an invalid header name '" + name + "'");
    }
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw section.invalid(
          "headers", "cannot set '" + name + "': Herald sets it (or the HTTP client forbids it)");
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      throw section.invalid("headers", "has a control character in the value of '" + name + "'");
    }
  }
}
