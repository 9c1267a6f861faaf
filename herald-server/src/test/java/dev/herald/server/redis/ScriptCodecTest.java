package dev.herald.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.redis.RedisKeys;
import dev.herald.server.redis.Counter.Kind;
import dev.herald.server.redis.ScriptCodec.Beat;
import dev.herald.server.redis.ScriptCodec.BeatArgs;
import dev.herald.server.redis.ScriptCodec.CountArgs;
import dev.herald.server.redis.ScriptCodec.DepartureArgs;
import dev.herald.server.redis.ScriptCodec.DesiredShare;
import dev.herald.server.redis.ScriptCodec.ScriptCall;
import dev.herald.server.redis.ScriptCodec.SyncArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slots of the Lua scripts as their headers document them: named arguments land in the KEYS and
 * ARGV positions the scripts read, and their flat answers come back as records.
 */
class ScriptCodecTest {
  private static final RedisKeys KEYS = new RedisKeys("h:");
  private static final Counter ANN = new Counter(Kind.PRESENCE, "1", "presence-room", "ann");
  private static final Counter ORDERS = new Counter(Kind.OCCUPANCY, "1", "orders", "orders");
  private static final Counter BOB_ONLINE = new Counter(Kind.ONLINE, "1", "", "bob");

  @Test
  void aCounterLivesInTheHashesOfItsKind() {
    assertThat(LedgerEntry.of(ANN, KEYS))
        .isEqualTo(
            new LedgerEntry(
                "h:presence:1:presence-room",
                "ann",
                "h:members:1:presence-room",
                Kind.PRESENCE,
                "1",
                "presence-room"));
    assertThat(LedgerEntry.of(ORDERS, KEYS).countsKey()).isEqualTo("h:occupancy:1");
    assertThat(LedgerEntry.of(ORDERS, KEYS).infosKey()).isEqualTo("h:occupancy:1");
    assertThat(LedgerEntry.of(BOB_ONLINE, KEYS).countsKey()).isEqualTo("h:online:1");
    assertThat(LedgerEntry.of(BOB_ONLINE, KEYS).infosKey()).isEqualTo("h:online:1");
    assertThat(LedgerEntry.of(ANN, KEYS).counter()).isEqualTo(ANN);
    assertThat(LedgerEntry.of(ORDERS, KEYS).heldDepartureKey())
        .isEqualTo("h:occupancy:1:held:orders");
  }

  @Test
  void aCountFillsTheSlotsOfCountLua() {
    ScriptCall call =
        ScriptCodec.encode(
            new CountArgs(
                "h:node:n1:ledger",
                LedgerEntry.of(ANN, KEYS),
                -1,
                "{\"name\":\"Ann\"}",
                100,
                true,
                "n1"));

    assertThat(call.keys())
        .containsExactly(
            "h:node:n1:ledger", "h:presence:1:presence-room", "h:members:1:presence-room");
    assertThat(call.argv())
        .containsExactly(
            "ann", "-1", "{\"name\":\"Ann\"}", "100", "1", "PRESENCE", "1", "presence-room", "n1");
    assertThat(call.keysArray()).containsExactly(call.keys().toArray(String[]::new));
    assertThat(call.argvArray()).containsExactly(call.argv().toArray(String[]::new));
  }

  @Test
  void aCountWithoutInfoOrMarkerSendsEmptySlots() {
    ScriptCall call =
        ScriptCodec.encode(
            new CountArgs("h:node:n1:ledger", LedgerEntry.of(ORDERS, KEYS), 1, null, 0, false, ""));

    assertThat(call.keys()).containsExactly("h:node:n1:ledger", "h:occupancy:1", "h:occupancy:1");
    assertThat(call.argv())
        .containsExactly("orders", "1", "", "0", "0", "OCCUPANCY", "1", "orders", "");
  }

  @Test
  void aCountAnswerBecomesAChange() {
    Change change =
        ScriptCodec.decodeChange(List.of(0L, 1L, List.of("ann", "{}", "bob", "null"), 1L));

    assertThat(change.before()).isZero();
    assertThat(change.after()).isEqualTo(1);
    assertThat(change.infos()).containsExactly(Map.entry("ann", "{}"), Map.entry("bob", "null"));
    assertThat(change.comeback()).isTrue();
    assertThat(ScriptCodec.decodeChange(List.of(-1L, 0L, List.of(), 0L)))
        .isEqualTo(new Change(-1, 0, Map.of(), false));
  }

  @Test
  void aSyncSendsTheDesiredSharesAsTheJsonListSyncLuaDecodes() {
    ScriptCall call =
        ScriptCodec.encode(
            new SyncArgs(
                "h:node:n1:ledger",
                "h:nodes",
                "h:node:n1:reaped",
                List.of(new DesiredShare(LedgerEntry.of(ANN, KEYS), 2, "{\"name\":\"Ann\"}")),
                "",
                0,
                "n1"));

    assertThat(call.keys()).containsExactly("h:node:n1:ledger", "h:nodes", "h:node:n1:reaped");
    assertThat(call.argv())
        .containsExactly(
            "[[\"h:presence:1:presence-room\",\"ann\",\"h:members:1:presence-room\",\"PRESENCE\","
                + "\"1\",\"presence-room\",2,\"{\\\"name\\\":\\\"Ann\\\"}\"]]",
            "",
            "0",
            "n1");
  }

  @Test
  void aReapSendsNoSharesTheDeadNodeAndTheTimeout() {
    ScriptCall call =
        ScriptCodec.encode(
            new SyncArgs(
                "h:node:dead:ledger", "h:nodes", "h:node:dead:reaped", List.of(), "dead", 300, ""));

    assertThat(call.argv()).containsExactly("[]", "dead", "300", "");
  }

  @Test
  void aSyncAnswerBecomesTransitionsOfTheCountersInTheLedgerEntries() {
    // As Lua's cjson encodes a ledger field: slashes escaped.
    String entry =
        "[\"h:presence:1:presence-room\",\"a\\/b\",\"h:members:1:presence-room\",\"PRESENCE\","
            + "\"1\",\"presence-room\"]";
    String orders =
        "[\"h:occupancy:1\",\"orders\",\"h:occupancy:1\",\"OCCUPANCY\",\"1\",\"orders\"]";

    List<Transition> transitions =
        ScriptCodec.decodeTransitions(
            List.of(entry, 1L, 0L, "{}", 0L, orders, 0L, 3L, "", 1L, "incomplete"));

    assertThat(transitions)
        .containsExactly(
            new Transition(
                new Counter(Kind.PRESENCE, "1", "presence-room", "a/b"), 1, 0, "{}", true, false),
            new Transition(ORDERS, 0, 3, "", true, true));
  }

  @Test
  void aLedgerFieldDecodesToItsEntry() {
    String field =
        "[\"h:online:1\",\"bob\",\"h:online:1\",\"ONLINE\",\"1\",\"\"]"; // as count.lua writes it

    assertThat(ScriptCodec.decodeEntry(field)).isEqualTo(LedgerEntry.of(BOB_ONLINE, KEYS));
  }

  @Test
  void aDepartureAsksWithTheHeldKeyAndTheHoldingNode() {
    ScriptCall call = ScriptCodec.encode(new DepartureArgs("h:occupancy:1:held:orders", "n1"));

    assertThat(call.keys()).containsExactly("h:occupancy:1:held:orders");
    assertThat(call.argv()).containsExactly("n1");
    assertThat(ScriptCodec.decodeDue(1L)).isTrue();
    assertThat(ScriptCodec.decodeDue(0L)).isFalse();
  }

  @Test
  void aBeatFillsTheSlotsOfHeartbeatLuaAndItsAnswerNamesTheDead() {
    ScriptCall call = ScriptCodec.encode(new BeatArgs("h:nodes", "h:node:n1:reaped", "n1", 15_000));

    assertThat(call.keys()).containsExactly("h:nodes", "h:node:n1:reaped");
    assertThat(call.argv()).containsExactly("n1", "15000");
    assertThat(ScriptCodec.decodeBeat(List.of(1L, 0L, List.of("n2", "n3"))))
        .isEqualTo(new Beat(true, false, List.of("n2", "n3")));
    assertThat(ScriptCodec.decodeBeat(List.of(0L, 1L, List.of())))
        .isEqualTo(new Beat(false, true, List.of()));
  }
}
