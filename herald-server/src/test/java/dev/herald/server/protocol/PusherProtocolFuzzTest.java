package dev.herald.server.protocol;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the client side of the Pusher protocol: {@link ClientFrame#parse} and its accessors
 * through {@link PusherProtocol#onMessage}, on fake connections ({@link FrameScript} reads the
 * input as a session). Whatever the frames, the protocol answers only with Pusher events, every
 * {@code pusher:error} carries a documented code, a connection is closed only for a documented
 * reason (4100 for sending at twice {@code messages_per_second}; 4009 and 4201 from the liveness
 * check), and no exception escapes.
 *
 * <p>The seed corpus (real pusher-js frames) is in {@code PusherProtocolFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} (as {@code mvn verify} sets it) Jazzer fuzzes for {@code maxDuration}, else
 * the seeds and past findings run as regression tests.
 */
class PusherProtocolFuzzTest {

  @DictionaryEntries({
    "pusher:subscribe",
    "pusher:unsubscribe",
    "pusher:signin",
    "pusher:ping",
    "pusher:pong",
    "client-",
    "private-",
    "presence-",
    "private-encrypted-",
    "cache-",
    "#server-to-user-",
    "\"channel\":",
    "\"data\":",
    "\"channel_data\":",
    "\"user_data\":",
    "\"user_id\":",
    "\"user_info\":",
    "\"watchlist\":",
    "\"auth\":\"$sign\"",
    "2:",
    "tick",
    "app: small-key",
    "app: tight-key",
    "app: features-key",
    "app: authorized-key",
    "app: quiet-key"
  })
  @FuzzTest(maxDuration = "30s")
  void answersAnyClientFramesWithEventsOrDocumentedErrors(byte[] input) {
    new FrameScript(input).play();
  }
}
