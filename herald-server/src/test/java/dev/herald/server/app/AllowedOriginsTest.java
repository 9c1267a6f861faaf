package dev.herald.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
  private static AllowedOrigins of(String... patterns) {
    return new AllowedOrigins(List.of(patterns));
  }

  @Test
  void anyOriginByDefault() {
    assertThat(AllowedOrigins.ANY.allows("https://anything.test")).isTrue();
    assertThat(AllowedOrigins.ANY.allows(null)).isTrue();
  }

  @Test
  void aHostMatchesAnySchemeAndPortButNotItsSubdomains() {
    AllowedOrigins origins = of("App.Example.com");

    assertThat(origins.allows("https://app.example.com")).isTrue();
    assertThat(origins.allows("http://APP.example.com:8080")).isTrue();
    assertThat(origins.allows("https://evil.app.example.com")).isFalse();
    assertThat(origins.allows("https://app.example.com.evil.net")).isFalse();
  }

  @Test
  void aWildcardMatchesSubdomainsAtAnyDepthButNotTheBareDomain() {
    AllowedOrigins origins = of("*.example.com");

    assertThat(origins.allows("https://shop.example.com")).isTrue();
    assertThat(origins.allows("https://a.b.example.com")).isTrue();
    assertThat(origins.allows("https://example.com")).isFalse();
    assertThat(origins.allows("https://notexample.com")).isFalse();
  }

  @Test
  void aFullOriginMatchesExactly() {
    AllowedOrigins origins = of("https://app.example.com:8443");

    assertThat(origins.allows("https://app.example.com:8443")).isTrue();
    assertThat(origins.allows("https://app.example.com")).isFalse();
    assertThat(origins.allows("http://app.example.com:8443")).isFalse();
  }

  @Test
  void aRequestWithoutOriginIsNotABrowserAndIsAllowed() {
    assertThat(of("app.example.com").allows(null)).isTrue();
  }

  @Test
  void unparsableOriginsAreRefused() {
    assertThat(of("app.example.com").allows("null")).isFalse();
    assertThat(of("app.example.com").allows("::not a uri")).isFalse();
  }

  @Test
  void namesAPatternThatIsNotAnOrigin() {
    assertThatThrownBy(() -> of("https://app.example.com/path"))
        .hasMessageContaining("'https://app.example.com/path' is not an origin");
    assertThatThrownBy(() -> of("app.*.com")).hasMessageContaining("'app.*.com' is not an origin");
    assertThatThrownBy(() -> of()).hasMessageContaining("at least one origin");
  }
}
