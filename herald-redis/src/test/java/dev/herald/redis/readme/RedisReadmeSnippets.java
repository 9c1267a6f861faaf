package dev.herald.redis.readme;

import dev.herald.Channel;
import dev.herald.redis.RedisBroadcaster;
import java.util.Map;

/**
 * The README's "Publishing straight into Redis" snippet, compiled here so it cannot rot
 * (herald-core's {@code ReadmeTest} finds it in this package; {@link RedisReadmeTest} runs it).
 */
final class RedisReadmeSnippets {
  private RedisReadmeSnippets() {}

  static RedisBroadcaster redis() {
    RedisBroadcaster broadcaster =
        RedisBroadcaster.builder()
            .uri("redis://127.0.0.1:6379") // the Redis your Herald nodes share
            .appId("herald-dev")
            .build();
    broadcaster
        .on(Channel.publicChannel("orders"))
        .as("order.shipped")
        .with(Map.of("id", 42))
        .send();
    return broadcaster;
  }
}
