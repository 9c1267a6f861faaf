package dev.herald.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP API vector of the Pusher docs (rest-api §Authentication), pusher-protocol.md §1.11. */
class ApiSignatureTest {
  private static final String BODY =
      "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

  @Test
  void hashesTheBodyAsTheDocsDo() {
    assertThat(Signatures.md5Hex(BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void signsTheDocsRequest() {
    Map<String, String> params =
        ApiSignature.signedParams(
            "278d425bdf160c739803",
            "7ad3773142a6692b25b8",
            "POST",
            "/apps/3/events",
            Map.of(),
            BODY,
            1353088179L);
    assertThat(params)
        .containsEntry("body_md5", "ec365a775a4cd0599faeb73354201b6f")
        .containsEntry(
            "auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
  }

  @Test
  void signingStringSortsLowerCasesAndDropsTheSignature() {
    String s =
        ApiSignature.signingString(
            "get",
            "/apps/1/channels",
            Map.of("Info", "user_count", "auth_key", "k", "auth_signature", "x"));
    assertThat(s).isEqualTo("GET\n/apps/1/channels\nauth_key=k&info=user_count");
  }
}
