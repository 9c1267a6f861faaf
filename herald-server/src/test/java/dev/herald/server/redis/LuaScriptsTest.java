package dev.herald.server.redis;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.redis.RedisKeys;
import dev.herald.server.redis.Counter.Kind;
import dev.herald.server.redis.ScriptCodec.Beat;
import dev.herald.server.redis.ScriptCodec.BeatArgs;
import dev.herald.server.redis.ScriptCodec.CountArgs;
import dev.herald.server.redis.ScriptCodec.DepartureArgs;
import dev.herald.server.redis.ScriptCodec.DesiredShare;
import dev.herald.server.redis.ScriptCodec.SyncArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The codec against the real scripts: what count.lua writes is where {@link RedisKeys} and {@link
 * LedgerEntry} say it is, and every answer decodes.
 */
class LuaScriptsTest {
  private static final String NODE = "n1";
  private static final Counter ANN = new Counter(Kind.PRESENCE, "1", "presence-room", "ann");

  private TestCluster redis;
  private RedisKeys keys;
  private LuaScripts scripts;
  private LedgerEntry ann;

  @BeforeEach
  void connect() {
    redis = TestCluster.open();
    keys = new RedisKeys(redis.prefix());
    scripts = new LuaScripts(redis.newText().async());
    ann = LedgerEntry.of(ANN, keys);
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private Change count(int delta, String marker) {
    return await(
        scripts.count(new CountArgs(keys.nodeLedgerKey(NODE), ann, delta, "{}", 0, true, marker)));
  }

  @Test
  void aCountLandsInTheKeysTheCodecNames() {
    Change change = count(1, "");

    assertThat(change).isEqualTo(new Change(0, 1, Map.of("ann", "{}"), false));
    assertThat(redis.sync().hget(ann.countsKey(), "ann")).isEqualTo("1");
    assertThat(redis.sync().hget(ann.infosKey(), "ann")).isEqualTo("{}");
    Map<String, String> ledger = redis.sync().hgetall(keys.nodeLedgerKey(NODE));
    assertThat(ledger).hasSize(1).containsValue("1");
    assertThat(ScriptCodec.decodeEntry(ledger.keySet().iterator().next())).isEqualTo(ann);
  }

  @Test
  void aSyncPutsTheDesiredSharesBackAndAnswersTheirTransitions() {
    List<Transition> transitions =
        await(
            scripts.sync(
                new SyncArgs(
                    keys.nodeLedgerKey(NODE),
                    keys.nodesKey(),
                    keys.nodeReapedKey(NODE),
                    List.of(new DesiredShare(ann, 2, "{}")),
                    "",
                    0,
                    "")));

    assertThat(transitions).containsExactly(new Transition(ANN, 0, 2, "{}", true, false));
    assertThat(redis.sync().hget(ann.countsKey(), "ann")).isEqualTo("2");
    assertThat(count(-2, "")).isEqualTo(new Change(2, 0, Map.of(), false));
  }

  @Test
  void aMarkedDepartureIsDueOnceToTheNodeThatHoldsIt() {
    count(1, NODE);
    count(-1, NODE);

    assertThat(redis.sync().get(ann.heldDepartureKey())).isEqualTo(NODE);
    DepartureArgs departure = new DepartureArgs(ann.heldDepartureKey(), NODE);
    assertThat(await(scripts.departureDue(departure))).isTrue();
    assertThat(await(scripts.departureDue(departure))).isFalse();
  }

  @Test
  void aBeatAnswersWhetherTheNodeWasKnown() {
    BeatArgs beat = new BeatArgs(keys.nodesKey(), keys.nodeReapedKey(NODE), NODE, 60_000);

    assertThat(await(scripts.beat(beat))).isEqualTo(new Beat(false, false, List.of()));
    assertThat(await(scripts.beat(beat))).isEqualTo(new Beat(true, false, List.of()));
    assertThat(redis.sync().zscore(keys.nodesKey(), NODE)).isNotNull();
  }
}
