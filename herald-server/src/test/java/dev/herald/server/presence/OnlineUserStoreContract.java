package dev.herald.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.Concurrently;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OnlineUserStore} promises, in memory and on Redis alike: a user comes online
 * with the first signed-in socket and goes offline with the last, once each, per app.
 */
public abstract class OnlineUserStoreContract {
  protected static final String APP = "1";

  protected OnlineUserStore store;

  /** A new, empty store. */
  protected abstract OnlineUserStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the store did not answer: " + e, e);
    }
  }

  private boolean signedIn(String userId, String socketId) {
    return await(store.signedIn(APP, userId, socketId));
  }

  private boolean signedOut(String userId, String socketId) {
    return await(store.signedOut(APP, userId, socketId));
  }

  private Set<String> online(String... userIds) {
    return await(store.online(APP, List.of(userIds)));
  }

  @Test
  void nobodyIsOnlineAtFirst() {
    assertThat(online("ann", "bob")).isEmpty();
    assertThat(online()).isEmpty();
  }

  @Test
  void theFirstSignedInSocketBringsTheUserOnline() {
    assertThat(signedIn("ann", "1.1")).isTrue();

    assertThat(online("ann")).containsExactly("ann");
  }

  @Test
  void aSecondSocketOfAnOnlineUserChangesNothing() {
    signedIn("ann", "1.1");

    assertThat(signedIn("ann", "1.2")).isFalse();
    assertThat(online("ann")).containsExactly("ann");
  }

  @Test
  void theUserGoesOfflineWithTheLastSocketOnly() {
    signedIn("ann", "1.1");
    signedIn("ann", "1.2");

    assertThat(signedOut("ann", "1.1")).isFalse();
    assertThat(online("ann")).containsExactly("ann");
    assertThat(signedOut("ann", "1.2")).isTrue();
    assertThat(online("ann")).isEmpty();
  }

  @Test
  void signingOutWithoutSigningInAnswersFalseAndIsHarmless() {
    assertThat(signedOut("nobody", "9.9")).isFalse();
    signedIn("ann", "1.1");

    assertThat(signedOut("ann", "9.9")).as("a socket that never signed in").isFalse();
    assertThat(online("ann")).containsExactly("ann");
    assertThat(signedOut("ann", "1.1")).isTrue();
  }

  @Test
  void signingOutTwiceAnswersFalseTheSecondTime() {
    signedIn("ann", "1.1");
    signedIn("ann", "1.2");

    signedOut("ann", "1.1");
    assertThat(signedOut("ann", "1.1")).isFalse();
    assertThat(online("ann")).containsExactly("ann");
    assertThat(signedOut("ann", "1.2")).isTrue();
    assertThat(signedOut("ann", "1.2")).isFalse();
  }

  @Test
  void theSameSocketSigningInTwiceCountsOnce() {
    signedIn("ann", "1.1");

    assertThat(signedIn("ann", "1.1")).isFalse();
    assertThat(signedOut("ann", "1.1")).isTrue();
    assertThat(online("ann")).isEmpty();
  }

  @Test
  void answersTheOnlineSubsetOfTheUsersAskedFor() {
    signedIn("ann", "1.1");
    signedIn("bob", "2.1");
    signedIn("carol", "3.1");
    signedOut("carol", "3.1");

    assertThat(online("ann", "carol", "dan")).containsExactly("ann");
    assertThat(online("bob", "ann")).containsExactlyInAnyOrder("ann", "bob");
    assertThat(online("dan")).isEmpty();
  }

  @Test
  void appsAreKeptApart() {
    await(store.signedIn("1", "ann", "1.1"));

    assertThat(await(store.online("2", List.of("ann")))).isEmpty();
    assertThat(await(store.signedIn("2", "ann", "2.1"))).isTrue();
    assertThat(await(store.signedOut("1", "ann", "1.1"))).isTrue();
    assertThat(await(store.online("2", List.of("ann")))).containsExactly("ann");
    assertThat(await(store.online("1", List.of("ann")))).isEmpty();
  }

  @Test
  void comingOnlineAndGoingOfflineAreDecidedOncePerUserUnderConcurrency() throws Exception {
    List<Boolean> ins = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> outs = Collections.synchronizedList(new ArrayList<>());
    Concurrently.run(4, 10, (t, i) -> ins.add(signedIn("u" + (i % 5), t + "." + i)));
    assertThat(online("u0", "u1", "u2", "u3", "u4")).hasSize(5);

    Concurrently.run(4, 10, (t, i) -> outs.add(signedOut("u" + (i % 5), t + "." + i)));

    assertThat(ins).hasSize(40).filteredOn(first -> first).hasSize(5);
    assertThat(outs).hasSize(40).filteredOn(last -> last).hasSize(5);
    assertThat(online("u0", "u1", "u2", "u3", "u4")).isEmpty();
  }
}
