package dev.herald.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options; a flag without a value maps to "true". */
final class Args {
  private Args() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + args[i]);
      }
      String name = args[i].substring(2);
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      options.put(name, hasValue ? args[++i] : "true");
    }
    return options;
  }
}
