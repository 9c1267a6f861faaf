package dev.herald.server.api;

import java.util.concurrent.CompletableFuture;

/** Placeholder until the HTTP API lands. */
public final class HttpApi {
  public CompletableFuture<ApiResponse> handle(ApiRequest request) {
    return CompletableFuture.completedFuture(new ApiResponse(404, "{\"error\":\"Not found\"}"));
  }
}
