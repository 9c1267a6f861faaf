package dev.herald.server.cli;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A new app's id, key and secret, drawn from a {@link SecureRandom}: a 9-digit id (Pusher's ids are
 * numbers), a 20-hex-digit key (Pusher's shape) and a secret of 32 random bytes in hex.
 */
record AppCredentials(String id, String key, String secret) {
  static final int SECRET_BYTES = 32;
  static final int KEY_BYTES = 10;

  static AppCredentials random(SecureRandom random, String chosenId) {
    String id =
        chosenId != null ? chosenId : String.valueOf(100_000_000 + random.nextInt(900_000_000));
    return new AppCredentials(id, hex(random, KEY_BYTES), hex(random, SECRET_BYTES));
  }

  private static String hex(SecureRandom random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
