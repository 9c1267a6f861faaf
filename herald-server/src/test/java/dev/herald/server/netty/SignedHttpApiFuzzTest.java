package dev.herald.server.netty;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the HTTP API's endpoints behind authentication: every request is signed correctly for its
 * method, path, parameters and body before it is sent ({@link ApiFuzzing#answerSigned}), so the
 * fuzzer spends its time on the endpoints' body and parameter parsing, and a correctly signed
 * request is never refused as unauthorized.
 */
class SignedHttpApiFuzzTest {

  @DictionaryEntries({
    "POST /apps/3/events",
    "POST /apps/3/batch_events",
    "GET /apps/3/channels",
    "/users",
    "/terminate_connections",
    "?info=",
    "user_count",
    "subscription_count",
    "cache",
    "filter_by_prefix=",
    "\"name\":",
    "\"data\":",
    "\"channel\":",
    "\"channels\":",
    "\"batch\":",
    "\"info\":",
    "\"socket_id\":",
    "private-encrypted-",
    "presence-",
    "cache-"
  })
  @FuzzTest(maxDuration = "30s")
  void answersAnySignedRequestWithADocumentedStatus(byte[] input) {
    ApiFuzzing.answerSigned(input);
  }
}
