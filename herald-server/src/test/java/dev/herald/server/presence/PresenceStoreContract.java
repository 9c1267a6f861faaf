package dev.herald.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.presence.PresenceStore.Joined;
import dev.herald.server.testing.Concurrently;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PresenceStore} promises, in memory and on Redis alike: first join and last
 * leave decided once per user, one member per user whatever its sockets, the member limit, and apps
 * and channels kept apart.
 */
public abstract class PresenceStoreContract {
  /** Bound for every answer the tests wait on. */
  protected static final long TIMEOUT_SECONDS = 10;

  protected static final String APP = "1";
  protected static final String CHANNEL = "presence-room";
  protected static final int NO_LIMIT = 100;

  protected static final Member ANN = member("ann", "{\"name\":\"Ann\"}");
  protected static final Member BOB = member("bob", "{\"name\":\"Bob\",\"tags\":[\"a\",\"b\"]}");
  protected static final Member CAROL = member("carol", null);

  protected PresenceStore store;

  /** A new, empty store. */
  protected abstract PresenceStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Member member(String userId, String infoJson) {
    return new Member(userId, infoJson == null ? null : json(infoJson));
  }

  protected static JsonNode json(String text) {
    try {
      return PusherJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the store did not answer: " + e, e);
    }
  }

  protected Joined join(String socketId, Member member) {
    return join(APP, CHANNEL, socketId, member, NO_LIMIT);
  }

  protected Joined join(String appId, String channel, String socketId, Member member, int max) {
    return await(store.join(appId, channel, socketId, member, max));
  }

  protected boolean leave(String socketId, String userId) {
    return leave(APP, CHANNEL, socketId, userId);
  }

  protected boolean leave(String appId, String channel, String socketId, String userId) {
    return await(store.leave(appId, channel, socketId, userId));
  }

  protected List<Member> members() {
    return members(APP, CHANNEL);
  }

  protected List<Member> members(String appId, String channel) {
    return await(store.members(appId, channel));
  }

  protected int userCount() {
    return userCount(APP, CHANNEL);
  }

  protected int userCount(String appId, String channel) {
    return await(store.userCount(appId, channel));
  }

  @Test
  void anEmptyChannelHasNoMembers() {
    assertThat(members()).isEmpty();
    assertThat(userCount()).isZero();
  }

  @Test
  void theFirstJoinOfAUserIsFirstAndCarriesTheMemberList() {
    Joined joined = join("1.1", ANN);

    assertThat(joined.result()).isEqualTo(JoinResult.FIRST);
    assertThat(joined.members()).containsExactly(ANN);
    assertThat(members()).containsExactly(ANN);
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void aSecondSocketOfTheSameUserIsAddedAndListedOnce() {
    join("1.1", ANN);

    Joined joined = join("1.2", ANN);

    assertThat(joined.result()).isEqualTo(JoinResult.ADDED);
    assertThat(joined.members()).containsExactly(ANN);
    assertThat(members()).containsExactly(ANN);
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void anotherUserIsFirstTooAndSeesEveryone() {
    join("1.1", ANN);
    join("1.2", ANN);

    Joined joined = join("2.1", BOB);

    assertThat(joined.result()).isEqualTo(JoinResult.FIRST);
    assertThat(joined.members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(userCount()).isEqualTo(2);
  }

  @Test
  void aNewUserBeyondTheLimitIsFullAndNothingIsRecorded() {
    assertThat(join(APP, CHANNEL, "1.1", ANN, 2).result()).isEqualTo(JoinResult.FIRST);
    assertThat(join(APP, CHANNEL, "2.1", BOB, 2).result()).isEqualTo(JoinResult.FIRST);

    Joined refused = join(APP, CHANNEL, "3.1", CAROL, 2);

    assertThat(refused.result()).isEqualTo(JoinResult.FULL);
    assertThat(refused.members()).isEmpty();
    assertThat(members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(userCount()).isEqualTo(2);
    assertThat(leave("3.1", CAROL.userId())).as("the refused socket never joined").isFalse();
    assertThat(members()).containsExactlyInAnyOrder(ANN, BOB);
  }

  @Test
  void aUserAlreadyPresentMayAddSocketsWhenTheChannelIsFull() {
    join(APP, CHANNEL, "1.1", ANN, 2);
    join(APP, CHANNEL, "2.1", BOB, 2);

    Joined joined = join(APP, CHANNEL, "1.2", ANN, 2);

    assertThat(joined.result()).isEqualTo(JoinResult.ADDED);
    assertThat(joined.members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(userCount()).isEqualTo(2);
    assertThat(leave("1.1", ANN.userId())).isFalse();
    assertThat(leave("1.2", ANN.userId())).isTrue();
  }

  @Test
  void aPlaceFreedByALastLeaveCanBeTaken() {
    join(APP, CHANNEL, "1.1", ANN, 1);
    assertThat(join(APP, CHANNEL, "2.1", BOB, 1).result()).isEqualTo(JoinResult.FULL);

    leave("1.1", ANN.userId());

    Joined joined = join(APP, CHANNEL, "2.2", BOB, 1);
    assertThat(joined.result()).isEqualTo(JoinResult.FIRST);
    assertThat(joined.members()).containsExactly(BOB);
  }

  @Test
  void leavingANonLastSocketAnswersFalseAndKeepsTheMember() {
    join("1.1", ANN);
    join("1.2", ANN);

    assertThat(leave("1.1", ANN.userId())).isFalse();

    assertThat(members()).containsExactly(ANN);
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void leavingTheLastSocketAnswersTrueAndTheMemberIsGone() {
    join("1.1", ANN);
    join("1.2", ANN);
    join("2.1", BOB);
    leave("1.1", ANN.userId());

    assertThat(leave("1.2", ANN.userId())).isTrue();

    assertThat(members()).containsExactly(BOB);
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void leavingWithoutJoiningAnswersFalseAndIsHarmless() {
    assertThat(leave("9.9", "nobody")).isFalse();
    assertThat(leave("9.9", "nobody")).isFalse();
    join("1.1", ANN);

    assertThat(leave("9.9", "nobody")).isFalse();
    assertThat(leave(APP, "presence-other", "1.1", ANN.userId())).isFalse();
    assertThat(leave("2", CHANNEL, "1.1", ANN.userId())).isFalse();

    assertThat(members()).containsExactly(ANN);
    assertThat(userCount()).isEqualTo(1);
    assertThat(leave("1.1", ANN.userId())).isTrue();
  }

  @Test
  void aSocketThatNeverJoinedCannotTakeAPresentUserAway() {
    join("1.1", ANN);

    assertThat(leave("9.9", ANN.userId())).isFalse();

    assertThat(members()).containsExactly(ANN);
    assertThat(leave("1.1", ANN.userId())).isTrue();
    assertThat(members()).isEmpty();
  }

  @Test
  void leavingTwiceAnswersFalseTheSecondTime() {
    join("1.1", ANN);
    join("1.2", ANN);

    assertThat(leave("1.1", ANN.userId())).isFalse();
    assertThat(leave("1.1", ANN.userId())).isFalse();
    assertThat(members()).containsExactly(ANN);

    assertThat(leave("1.2", ANN.userId())).isTrue();
    assertThat(leave("1.2", ANN.userId())).isFalse();
    assertThat(members()).isEmpty();
  }

  @Test
  void theSameSocketJoiningTwiceCountsOnce() {
    join("1.1", ANN);

    Joined again = join("1.1", ANN);

    assertThat(again.result()).isEqualTo(JoinResult.ADDED);
    assertThat(again.members()).containsExactly(ANN);
    assertThat(leave("1.1", ANN.userId())).isTrue();
    assertThat(members()).isEmpty();
  }

  @Test
  void membersAndUserCountFollowEveryStep() {
    record Step(String what, Runnable action, List<Member> members) {}
    List<Step> steps =
        List.of(
            new Step("ann joins", () -> join("1.1", ANN), List.of(ANN)),
            new Step("ann joins again", () -> join("1.2", ANN), List.of(ANN)),
            new Step("bob joins", () -> join("2.1", BOB), List.of(ANN, BOB)),
            new Step("carol joins", () -> join("3.1", CAROL), List.of(ANN, BOB, CAROL)),
            new Step("ann leaves once", () -> leave("1.1", "ann"), List.of(ANN, BOB, CAROL)),
            new Step("bob leaves", () -> leave("2.1", "bob"), List.of(ANN, CAROL)),
            new Step("ann leaves", () -> leave("1.2", "ann"), List.of(CAROL)),
            new Step("bob rejoins", () -> join("2.2", BOB), List.of(BOB, CAROL)),
            new Step("carol leaves", () -> leave("3.1", "carol"), List.of(BOB)),
            new Step("bob leaves", () -> leave("2.2", "bob"), List.of()));

    for (Step step : steps) {
      step.action().run();

      assertThat(members()).as(step.what()).containsExactlyInAnyOrderElementsOf(step.members());
      assertThat(userCount()).as(step.what()).isEqualTo(step.members().size());
    }
  }

  @Test
  void appsAreKeptApart() {
    join("1", CHANNEL, "1.1", ANN, NO_LIMIT);
    join("2", CHANNEL, "2.1", BOB, NO_LIMIT);

    assertThat(members("1", CHANNEL)).containsExactly(ANN);
    assertThat(members("2", CHANNEL)).containsExactly(BOB);
    assertThat(userCount("3", CHANNEL)).isZero();
    assertThat(join("2", CHANNEL, "1.2", ANN, NO_LIMIT).result())
        .as("ann is new to app 2")
        .isEqualTo(JoinResult.FIRST);
    assertThat(leave("1", CHANNEL, "1.1", "ann")).isTrue();
    assertThat(members("2", CHANNEL)).containsExactlyInAnyOrder(ANN, BOB);
  }

  @Test
  void channelsAreKeptApart() {
    join(APP, "presence-a", "1.1", ANN, NO_LIMIT);
    join(APP, "presence-b", "2.1", BOB, NO_LIMIT);

    assertThat(members(APP, "presence-a")).containsExactly(ANN);
    assertThat(members(APP, "presence-b")).containsExactly(BOB);
    assertThat(join(APP, "presence-b", "1.1", ANN, NO_LIMIT).result()).isEqualTo(JoinResult.FIRST);
    assertThat(leave(APP, "presence-a", "1.1", "ann")).isTrue();
    assertThat(members(APP, "presence-a")).isEmpty();
    assertThat(members(APP, "presence-b")).containsExactlyInAnyOrder(ANN, BOB);
  }

  @Test
  void theLimitCountsOnlyTheChannelsOwnUsers() {
    join(APP, "presence-a", "1.1", ANN, 1);

    assertThat(join(APP, "presence-b", "2.1", BOB, 1).result()).isEqualTo(JoinResult.FIRST);
    assertThat(join("2", "presence-a", "2.2", BOB, 1).result()).isEqualTo(JoinResult.FIRST);
  }

  @Test
  void userInfoObjectsRoundTrip() {
    Member nested =
        member(
            "dan",
            "{\"name\":\"Dan ü 日本\",\"age\":42,\"admin\":false,\"tags\":[\"x\",{\"y\":null}]}");

    join("4.1", nested);

    Member back = members().get(0);
    assertThat(back.userId()).isEqualTo("dan");
    assertThat(back.userInfo()).isEqualTo(nested.userInfo());
  }

  @Test
  void aMissingUserInfoRoundTripsAsNull() {
    Joined joined = join("3.1", CAROL);

    assertThat(joined.members()).containsExactly(new Member("carol", null));
    assertThat(members().get(0).userInfo()).isNull();
  }

  @Test
  void theFirstSocketsInfoIsKeptUntilTheUserLeaves() {
    join("1.1", ANN);

    Joined joined = join("1.2", member("ann", "{\"name\":\"Someone else\"}"));

    assertThat(joined.members()).containsExactly(ANN);
    assertThat(members()).containsExactly(ANN);
    leave("1.1", "ann");
    leave("1.2", "ann");
    Member renamed = member("ann", "{\"name\":\"Ann B.\"}");
    assertThat(join("1.3", renamed).members()).containsExactly(renamed);
  }

  @Test
  void fortyJoinsAndLeavesFromFourThreadsEndConsistent() throws Exception {
    List<Joined> joins = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> leaves = Collections.synchronizedList(new ArrayList<>());

    Concurrently.run(4, 10, (thread, i) -> joins.add(join("t" + thread + "." + i, user(i))));

    assertThat(joins).hasSize(40);
    assertThat(joins.stream().filter(j -> j.result() == JoinResult.FIRST)).hasSize(5);
    assertThat(joins.stream().filter(j -> j.result() == JoinResult.ADDED)).hasSize(35);
    assertThat(members()).extracting(Member::userId).containsExactlyInAnyOrder(userIds());
    assertThat(userCount()).isEqualTo(5);

    Concurrently.run(
        4, 10, (thread, i) -> leaves.add(leave("t" + thread + "." + i, user(i).userId())));

    assertThat(leaves).hasSize(40);
    assertThat(leaves.stream().filter(last -> last)).hasSize(5);
    assertThat(members()).isEmpty();
    assertThat(userCount()).isZero();
  }

  private static Member user(int i) {
    return member("u" + (i % 5), "{\"n\":" + (i % 5) + "}");
  }

  private static String[] userIds() {
    return new String[] {"u0", "u1", "u2", "u3", "u4"};
  }
}
