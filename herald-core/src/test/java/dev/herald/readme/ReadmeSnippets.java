package dev.herald.readme;

import dev.herald.AfterCommitBroadcaster;
import dev.herald.Broadcaster;
import dev.herald.Broadcasters;
import dev.herald.Channel;
import dev.herald.EncryptionMasterKey;
import dev.herald.FailedBroadcast;
import dev.herald.HttpBroadcaster;
import dev.herald.QueuedBroadcaster;
import dev.herald.RetryPolicy;
import dev.herald.TransactionSynchronizer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The README's setup snippets, compiled here so they cannot rot ({@link ReadmeTest} checks that
 * each README block appears in these sources, and runs those that need no server).
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static Broadcaster http() {
    Broadcaster broadcaster =
        HttpBroadcaster.builder()
            .url("http://127.0.0.1:6001")
            .app("herald-dev", "herald-dev-key", "herald-dev-secret")
            .build();
    return broadcaster;
  }

  static Broadcaster fromEnvironment() {
    Broadcaster broadcaster = Broadcasters.fromEnvironment();
    return broadcaster;
  }

  static void fluent(Broadcaster broadcaster, String socketId) {
    broadcaster
        .on(Channel.publicChannel("dashboard"))
        .as("stats.updated")
        .with(Map.of("ordersToday", 128))
        .toOthers(socketId)
        .send();
  }

  static Broadcaster encrypted(String masterKeyBase64) {
    Broadcaster broadcaster =
        HttpBroadcaster.builder()
            .url("http://127.0.0.1:6001")
            .app("herald-dev", "herald-dev-key", "herald-dev-secret")
            .encryptionMasterKey(EncryptionMasterKey.fromBase64(masterKeyBase64))
            .build();
    broadcaster
        .on(Channel.encryptedChannel("inbox.42"))
        .as("message.received")
        .with(Map.of("text", "only the recipient can read this"))
        .send();
    return broadcaster;
  }

  static Broadcaster delivery(
      Broadcaster http,
      TransactionSynchronizer transactions,
      Consumer<FailedBroadcast> failedBroadcasts) {
    Broadcaster broadcaster =
        new AfterCommitBroadcaster(
            QueuedBroadcaster.builder(http)
                .retry(new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
                .onFailure(failedBroadcasts)
                .build(),
            transactions);
    return broadcaster;
  }
}
