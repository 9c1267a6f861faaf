package dev.herald.server.api;

import dev.herald.server.broker.Broker;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /apps/{app_id}/users/{user_id}/terminate_connections} (protocol reference §1.7):
 * closes every connection signed in as the user with 4009, on every node. Connections that only
 * joined presence channels as that user are not signed in and are not affected, as at Pusher.
 * Answers {@code {}}.
 */
final class UsersEndpoint {
  static final String USER_ID = "user_id";

  private final Broker broker;

  UsersEndpoint(Broker broker) {
    this.broker = broker;
  }

  CompletableFuture<ApiResponse> terminate(ApiCall call) {
    broker.terminate(call.app().id(), call.pathParam(USER_ID));
    return CompletableFuture.completedFuture(new ApiResponse(200, "{}"));
  }
}
