package dev.herald.server.redis;

import dev.herald.server.redis.ScriptCodec.Beat;
import dev.herald.server.redis.ScriptCodec.BeatArgs;
import dev.herald.server.redis.ScriptCodec.CountArgs;
import dev.herald.server.redis.ScriptCodec.DepartureArgs;
import dev.herald.server.redis.ScriptCodec.ScriptCall;
import dev.herald.server.redis.ScriptCodec.SyncArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the cluster's Lua scripts (in {@code src/main/resources}, beside this class) on one command
 * connection: the arguments are encoded and the answers decoded by {@link ScriptCodec}. Never
 * blocks; thread-safe.
 */
final class LuaScripts {
  private static final String COUNT = script("count.lua");
  private static final String SYNC = script("sync.lua");
  private static final String DEPARTURE = script("departure.lua");
  private static final String HEARTBEAT = script("heartbeat.lua");

  private final RedisAsyncCommands<String, String> redis;

  LuaScripts(RedisAsyncCommands<String, String> redis) {
    this.redis = redis;
  }

  /** count.lua; a command refused at once (Redis away) is a failed future, as any failure. */
  CompletableFuture<Change> count(CountArgs args) {
    return multi(COUNT, ScriptCodec.encode(args)).thenApply(ScriptCodec::decodeChange);
  }

  /** sync.lua; a command refused at once (Redis away) is a failed future, as any failure. */
  CompletableFuture<List<Transition>> sync(SyncArgs args) {
    return multi(SYNC, ScriptCodec.encode(args)).thenApply(ScriptCodec::decodeTransitions);
  }

  /** departure.lua: whether the held departure must be sent. */
  CompletableFuture<Boolean> departureDue(DepartureArgs args) {
    ScriptCall call = ScriptCodec.encode(args);
    return redis
        .<Long>eval(DEPARTURE, ScriptOutputType.INTEGER, call.keysArray(), call.argvArray())
        .toCompletableFuture()
        .thenApply(ScriptCodec::decodeDue);
  }

  /** heartbeat.lua. */
  CompletableFuture<Beat> beat(BeatArgs args) {
    ScriptCall call = ScriptCodec.encode(args);
    return redis
        .<List<Object>>eval(HEARTBEAT, ScriptOutputType.MULTI, call.keysArray(), call.argvArray())
        .toCompletableFuture()
        .thenApply(ScriptCodec::decodeBeat);
  }

  private CompletableFuture<List<Object>> multi(String script, ScriptCall call) {
    try {
      return redis
          .<List<Object>>eval(script, ScriptOutputType.MULTI, call.keysArray(), call.argvArray())
          .toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String script(String name) {
    try (InputStream in = LuaScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing Lua script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
