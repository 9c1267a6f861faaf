package dev.herald.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseStackTest {
  private final List<String> closed = new ArrayList<>();
  private final CloseStack stack = new CloseStack();

  @Test
  void closesInTheReverseOrderOfTheStartOnce() {
    stack.push(() -> closed.add("first"));
    String second = stack.push("second", closed::add);
    stack.push(() -> closed.add("third"));

    stack.close();
    stack.close();

    assertThat(second).isEqualTo("second");
    assertThat(closed).containsExactly("third", "second", "first");
  }

  @Test
  void runsEveryStepWhenOneFailsThenThrowsTheFirstFailure() {
    stack.push(() -> closed.add("first"));
    stack.push(
        () -> {
          throw new IllegalStateException("second");
        });
    stack.push(
        () -> {
          throw new IllegalArgumentException("third");
        });

    assertThatThrownBy(stack::close)
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("second"));
    assertThat(closed).containsExactly("first");
  }

  @Test
  void addsAFailureToCloseToTheStartupFailure() {
    stack.push(() -> closed.add("first"));
    stack.push(
        () -> {
          throw new IllegalStateException("cannot close");
        });
    RuntimeException startup = new IllegalStateException("cannot listen");

    stack.closeAfter(startup);

    assertThat(startup.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("cannot close");
    assertThat(closed).containsExactly("first");
  }
}
