package dev.herald.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vectors of the Pusher docs (auth-signatures), recomputed in pusher-protocol.md §1.9. */
class SignaturesTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";
  private static final String SOCKET = "1234.1234";

  @Test
  void signsPrivateChannelAsTheDocsDo() {
    assertThat(Signatures.channelAuth(KEY, SECRET, SOCKET, "private-foobar", null))
        .isEqualTo(KEY + ":58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
  }

  @Test
  void signsPresenceChannelWithChannelData() {
    String channelData = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";
    assertThat(Signatures.channelAuth(KEY, SECRET, SOCKET, "presence-foobar", channelData))
        .isEqualTo(KEY + ":31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80");
  }

  @Test
  void signsUserSignInAsTheDocsDo() {
    assertThat(Signatures.userAuth(KEY, SECRET, SOCKET, "{\"id\":\"12345\"}"))
        .isEqualTo(KEY + ":4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
  }

  @Test
  void verifiesAGoodAuthAndRejectsTamperedOnes() {
    String signing = Signatures.channelSigningString(SOCKET, "private-foobar", null);
    String good = Signatures.channelAuth(KEY, SECRET, SOCKET, "private-foobar", null);
    assertThat(Signatures.verifyAuth(KEY, SECRET, signing, good)).isTrue();
    assertThat(Signatures.verifyAuth(KEY, SECRET, signing, good.replace(":5", ":6"))).isFalse();
    assertThat(
            Signatures.verifyAuth(KEY, SECRET, signing, "otherkey" + good.substring(KEY.length())))
        .isFalse();
    assertThat(Signatures.verifyAuth(KEY, SECRET, signing, "no-colon")).isFalse();
    assertThat(Signatures.verifyAuth(KEY, SECRET, signing, null)).isFalse();
  }

  @Test
  void comparesNullAndDifferentLengthsAsUnequal() {
    assertThat(Signatures.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Signatures.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(Signatures.constantTimeEquals(null, "abc")).isFalse();
  }

  @Test
  void derivesTheEncryptedChannelKeyAsSha256OfNameAndMasterKey() throws Exception {
    byte[] master = new byte[32];
    java.util.Arrays.fill(master, (byte) 7);
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update("private-encrypted-x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] expected = sha.digest(master);
    assertThat(Signatures.encryptedChannelKey("private-encrypted-x", master))
        .hasSize(32)
        .isEqualTo(expected)
        .isNotEqualTo(Signatures.encryptedChannelKey("private-encrypted-y", master));
  }
}
