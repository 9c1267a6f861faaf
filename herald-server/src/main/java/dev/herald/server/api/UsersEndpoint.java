package dev.herald.server.api;

import dev.herald.server.protocol.SignedInUsers;

/**
 * {@code POST /apps/{app_id}/users/{user_id}/terminate_connections} (protocol reference §1.7):
 * closes every connection signed in as the user with 4009. Connections that only joined presence
 * channels as that user are not signed in and are not affected, as at Pusher. Answers {@code {}}.
 */
final class UsersEndpoint {
  static final String USER_ID = "user_id";
  static final String MESSAGE = "Connection terminated by the app";

  private final SignedInUsers signedIn;

  UsersEndpoint(SignedInUsers signedIn) {
    this.signedIn = signedIn;
  }

  ApiResponse terminate(ApiCall call) {
    String userId = call.pathParam(USER_ID);
    signedIn.terminate(call.app().id(), userId, MESSAGE);
    return new ApiResponse(200, "{}");
  }
}
