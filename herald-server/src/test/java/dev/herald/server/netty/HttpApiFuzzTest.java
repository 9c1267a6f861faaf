package dev.herald.server.netty;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the HTTP API's request handling as a client sends it: routing, query parameters,
 * authentication ({@code ApiAuthenticator}) and the endpoints, through {@link
 * dev.herald.server.api.HttpApi#handle}. The input is {@code METHOD TARGET}, a newline and the body
 * ({@link ApiFuzzing} has the rules checked). Seeds: real signed requests of the Pusher HTTP API.
 */
class HttpApiFuzzTest {

  @DictionaryEntries({
    "POST ",
    "GET ",
    "/apps/3/",
    "/apps/4/",
    "events",
    "batch_events",
    "channels",
    "/users",
    "/terminate_connections",
    "auth_key=278d425bdf160c739803",
    "auth_timestamp=1353088179",
    "auth_version=1.0",
    "auth_signature=",
    "body_md5=",
    "info=",
    "user_count",
    "subscription_count",
    "filter_by_prefix=",
    "%"
  })
  @FuzzTest(maxDuration = "30s")
  void answersAnyRequestWithADocumentedStatus(byte[] input) {
    ApiFuzzing.answerAsGiven(input);
  }
}
