package dev.herald.server.channel;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.herald.server.testing.Concurrently;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OccupancyStore} promises, in memory and on Redis alike: counts that answer 1
 * when a channel becomes occupied and 0 when it is vacated, never below zero, the app's channels
 * sorted with their counts, apps kept apart.
 */
public abstract class OccupancyStoreContract {
  protected static final String APP = "1";

  protected OccupancyStore store;

  /** A new, empty store. */
  protected abstract OccupancyStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected int added(String channel) {
    return await(store.added(APP, channel));
  }

  protected int removed(String channel) {
    return await(store.removed(APP, channel));
  }

  protected int count(String channel) {
    return await(store.count(APP, channel));
  }

  protected Map<String, Integer> channels() {
    return await(store.channels(APP));
  }

  @Test
  void aChannelNobodyJoinedIsUnoccupied() {
    assertThat(count("news")).isZero();
    assertThat(channels()).isEmpty();
  }

  @Test
  void theFirstSubscriberOccupiesTheChannel() {
    assertThat(added("news")).isEqualTo(1);

    assertThat(count("news")).isEqualTo(1);
    assertThat(channels()).containsExactly(entry("news", 1));
  }

  @Test
  void eachSubscriberCountsAndTheLastOneVacates() {
    assertThat(added("news")).isEqualTo(1);
    assertThat(added("news")).isEqualTo(2);
    assertThat(added("news")).isEqualTo(3);

    assertThat(removed("news")).isEqualTo(2);
    assertThat(count("news")).isEqualTo(2);
    assertThat(removed("news")).isEqualTo(1);
    assertThat(removed("news")).as("vacated").isZero();

    assertThat(count("news")).isZero();
    assertThat(channels()).isEmpty();
  }

  @Test
  void neverGoesBelowZero() {
    assertThat(removed("news")).isZero();
    assertThat(removed("news")).isZero();
    assertThat(count("news")).isZero();

    assertThat(added("news")).as("occupied again, not back to zero").isEqualTo(1);
    removed("news");
    assertThat(removed("news")).isZero();
    assertThat(added("news")).isEqualTo(1);
  }

  @Test
  void listsTheAppsChannelsSortedByNameWithTheirCounts() {
    added("private-b");
    added("private-b");
    added("a");
    added("presence-room");
    added("c");
    added("c");
    added("c");
    added("gone");
    removed("gone");

    assertThat(channels())
        .containsExactly(
            entry("a", 1), entry("c", 3), entry("presence-room", 1), entry("private-b", 2));
  }

  @Test
  void appsAreKeptApart() {
    await(store.added("1", "news"));
    await(store.added("2", "news"));
    await(store.added("2", "news"));
    await(store.added("2", "sport"));

    assertThat(await(store.count("1", "news"))).isEqualTo(1);
    assertThat(await(store.count("2", "news"))).isEqualTo(2);
    assertThat(await(store.channels("1"))).containsExactly(entry("news", 1));
    assertThat(await(store.channels("2"))).containsExactly(entry("news", 2), entry("sport", 1));
    assertThat(await(store.channels("3"))).isEmpty();
    assertThat(await(store.removed("1", "news"))).isZero();
    assertThat(await(store.count("2", "news"))).isEqualTo(2);
  }

  @Test
  void concurrentSubscribersEachGetTheirOwnCount() throws Exception {
    List<Integer> afterAdding = Collections.synchronizedList(new ArrayList<>());
    List<Integer> afterRemoving = Collections.synchronizedList(new ArrayList<>());

    Concurrently.run(4, 10, (thread, i) -> afterAdding.add(added("news")));

    assertThat(afterAdding)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(count("news")).isEqualTo(40);

    Concurrently.run(4, 10, (thread, i) -> afterRemoving.add(removed("news")));

    assertThat(afterRemoving)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).boxed().toList());
    assertThat(count("news")).isZero();
    assertThat(channels()).isEmpty();
  }
}
