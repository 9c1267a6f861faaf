package dev.herald.spring;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.herald.AuthResponse;
import dev.herald.AuthorizationDeniedException;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints pusher-js and Laravel Echo call before joining a private or presence channel
 * ({@code herald.auth.path}, default {@code /broadcasting/auth}) and to sign a user in ({@code
 * herald.auth.user-path}, default {@code /broadcasting/user-auth}). They take pusher-js's form
 * fields ({@code socket_id}, {@code channel_name}) or the same as JSON, and the user from the
 * request's {@link Principal} (Spring Security sets it). Answers: 200 with the signed JSON, 403
 * when not signed in or refused, 400 for a malformed request, 500 when Herald is misconfigured;
 * errors are {@code {"error": "…"}} and never contain the secret.
 */
@RestController
final class HeraldAuthController {
  private static final Logger log = LoggerFactory.getLogger(HeraldAuthController.class);

  private final HeraldAuthorizer authorizer;

  HeraldAuthController(HeraldAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  @PostMapping(
      path = "${herald.auth.path:/broadcasting/auth}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> authorizeForm(
      Principal user,
      @RequestParam(name = "socket_id", required = false) String socketId,
      @RequestParam(name = "channel_name", required = false) String channelName) {
    return answer(user, () -> authorizer.authorize(user, socketId, channelName));
  }

  @PostMapping(
      path = "${herald.auth.path:/broadcasting/auth}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> authorizeJson(Principal user, @RequestBody Map<String, Object> body) {
    return answer(
        user,
        () -> authorizer.authorize(user, text(body, "socket_id"), text(body, "channel_name")));
  }

  @PostMapping(
      path = "${herald.auth.user-path:/broadcasting/user-auth}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> signinForm(
      Principal user, @RequestParam(name = "socket_id", required = false) String socketId) {
    return answer(user, () -> authorizer.signin(user, socketId));
  }

  @PostMapping(
      path = "${herald.auth.user-path:/broadcasting/user-auth}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> signinJson(Principal user, @RequestBody Map<String, Object> body) {
    return answer(user, () -> authorizer.signin(user, text(body, "socket_id")));
  }

  private static ResponseEntity<String> answer(Principal user, Supplier<AuthResponse> sign) {
    if (user == null) {
      return error(HttpStatus.FORBIDDEN, "sign in first: the request has no authenticated user");
    }
    try {
      return ResponseEntity.ok(sign.get().toJson());
    } catch (AuthorizationDeniedException e) {
      log.debug("channel authorization refused for {}: {}", user.getName(), e.getMessage());
      return error(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (IllegalStateException e) {
      log.error("channel authorization is misconfigured: {}", e.getMessage());
      return error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value == null ? null : value.toString();
  }

  static ResponseEntity<String> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            "{\"error\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message))
                + "\"}");
  }
}
