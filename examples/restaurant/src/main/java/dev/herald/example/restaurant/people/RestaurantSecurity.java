package dev.herald.example.restaurant.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Form sign-in (and HTTP Basic, for curl) with the {@link DemoUsers}. Pages and the API need a
 * signed-in user; the landing page, the sign-in page and the scripts do not. CSRF protection stays
 * on everywhere, the /broadcasting paths included: the pages read the {@code XSRF-TOKEN} cookie and
 * send it as {@code X-XSRF-TOKEN}, also through Laravel Echo's {@code auth.headers}.
 */
@Configuration
public class RestaurantSecurity {
  @Bean
  SecurityFilterChain security(HttpSecurity http, DemoUsers users) throws Exception {
    var afterSignIn = new RoleHomePage(users);
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/",
                        "/index.html",
                        "/login.html",
                        "/css/**",
                        "/js/**",
                        "/vendor/**",
                        "/favicon.svg",
                        "/api/csrf",
                        "/error")
                    .permitAll()
                    // The starter's endpoint answers 403 itself, with the reason, when nobody is
                    // signed in or a rule says no.
                    .requestMatchers("/broadcasting/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login.html")
                    .loginProcessingUrl("/login")
                    .failureUrl("/login.html?error")
                    .successHandler(afterSignIn)
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?signed-out"))
        .httpBasic(Customizer.withDefaults())
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens())
                    // The plain token (not the BREACH-masked one): the cookie's value is the
                    // header's, as script-driven pages send it.
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .build();
  }

  /**
   * The token in the {@code XSRF-TOKEN} cookie, sent back as {@code X-CSRF-TOKEN}: the header
   * Laravel Echo's {@code csrfToken} option sets on its auth requests.
   */
  private static CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setHeaderName("X-CSRF-TOKEN");
    return tokens;
  }

  @Bean
  InMemoryUserDetailsManager userDetailsService(DemoUsers users) {
    return new InMemoryUserDetailsManager(users.userDetails());
  }

  /** After signing in: the page that asked for it, or else the user's role's page. */
  private static final class RoleHomePage extends SavedRequestAwareAuthenticationSuccessHandler {
    private final DemoUsers users;

    RoleHomePage(DemoUsers users) {
      this.users = users;
    }

    @Override
    protected String determineTargetUrl(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
      return users.find(authentication).map(user -> user.role().homePage()).orElse("/");
    }
  }
}
