package dev.herald.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * NaCl secretbox against published and independently computed vectors, and against the secretbox of
 * the official pusher-http-java (a port of TweetNaCl).
 */
class SecretBoxTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * The vector of "Cryptography in NaCl" §10 and libsodium's {@code test/default/secretbox.c}
   * ({@code firstkey}, {@code nonce}, {@code m}; {@code secretbox.exp} is the box below).
   */
  private static final byte[] NACL_KEY =
      HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");

  private static final byte[] NACL_NONCE =
      HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
  private static final byte[] NACL_MESSAGE =
      HEX.parseHex(
          "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
              + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
              + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
              + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
              + "5e0705");
  private static final byte[] NACL_BOX =
      HEX.parseHex(
          "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
              + "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
              + "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
              + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
              + "7973f622a43d14a6599b1f654cb45a74e355a5");

  /** Computed with tweetnacl-js 1.0.3 {@code nacl.secretbox} (key 00..1f, nonce 40..57). */
  private static final byte[] TWEETNACL_KEY =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  private static final byte[] TWEETNACL_NONCE =
      HEX.parseHex("404142434445464748494a4b4c4d4e4f5051525354555657");
  private static final String TWEETNACL_MESSAGE = "{\"message\":\"hello world\",\"n\":42}";
  private static final String TWEETNACL_BOX =
      "40cd9033fdc98aff95dd2211440ccf333135381c4922da4da37b4b4300ec369d"
          + "a117313b1f2f3beac8f74ce8c3edb129";
  private static final String TWEETNACL_EMPTY_BOX = "25ad7f4489ddd636717f1a6bbc7daf99";

  @Test
  void sealsTheNaclAndLibsodiumVector() {
    assertThat(SecretBox.seal(NACL_KEY, NACL_NONCE, NACL_MESSAGE)).isEqualTo(NACL_BOX);
  }

  @Test
  void opensTheNaclAndLibsodiumVector() {
    assertThat(SecretBox.open(NACL_KEY, NACL_NONCE, NACL_BOX)).contains(NACL_MESSAGE);
  }

  @Test
  void sealsLikeTweetnacl() {
    byte[] message = TWEETNACL_MESSAGE.getBytes(StandardCharsets.UTF_8);
    assertThat(HEX.formatHex(SecretBox.seal(TWEETNACL_KEY, TWEETNACL_NONCE, message)))
        .isEqualTo(TWEETNACL_BOX);
    assertThat(HEX.formatHex(SecretBox.seal(TWEETNACL_KEY, TWEETNACL_NONCE, new byte[0])))
        .isEqualTo(TWEETNACL_EMPTY_BOX);
  }

  @Test
  void refusesATamperedBoxAWrongKeyAndATruncatedBox() {
    byte[] tampered = NACL_BOX.clone();
    tampered[40] ^= 1;
    assertThat(SecretBox.open(NACL_KEY, NACL_NONCE, tampered)).isEmpty();
    assertThat(SecretBox.open(TWEETNACL_KEY, NACL_NONCE, NACL_BOX)).isEmpty();
    assertThat(SecretBox.open(NACL_KEY, NACL_NONCE, new byte[15])).isEmpty();
  }

  @Test
  void agreesWithTheSecretboxOfPusherHttpJavaBothWays() {
    byte[] message =
        "{\"id\":42,\"status\":\"shipped\",\"emoji\":\"🚚\"}".getBytes(StandardCharsets.UTF_8);
    var theirs = com.pusher.rest.crypto.nacl.SecretBox.box(TWEETNACL_KEY, message);
    byte[] theirNonce = theirs.get("nonce");
    byte[] theirBox = theirs.get("cipher");
    assertThat(SecretBox.open(TWEETNACL_KEY, theirNonce, theirBox)).contains(message);
    byte[] ours = SecretBox.seal(TWEETNACL_KEY, theirNonce, message);
    assertThat(ours).isEqualTo(theirBox);
    assertThat(com.pusher.rest.crypto.nacl.SecretBox.open(TWEETNACL_KEY, theirNonce, ours))
        .isEqualTo(message);
  }

  @Test
  void refusesKeysAndNoncesOfTheWrongSize() {
    assertThatThrownBy(() -> SecretBox.seal(new byte[31], NACL_NONCE, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> SecretBox.open(NACL_KEY, new byte[8], NACL_BOX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 bytes");
  }
}
