package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPatternTest {
  @Test
  void extractsNamedParamsInPatternOrder() {
    ChannelPattern pattern = ChannelPattern.compile("team.{teamId}.orders.{orderId}");

    assertThat(pattern.match("team.7.orders.42"))
        .hasValueSatisfying(
            params ->
                assertThat(params)
                    .containsExactly(Map.entry("teamId", "7"), Map.entry("orderId", "42")));
  }

  @Test
  void aParamNeverSpansADot() {
    ChannelPattern pattern = ChannelPattern.compile("orders.{orderId}");

    assertThat(pattern.match("orders.42.items")).isEmpty();
    assertThat(pattern.match("orders.")).isEmpty();
    assertThat(pattern.match("orders.a-b_c=d@e,f;g"))
        .hasValueSatisfying(params -> assertThat(params).containsEntry("orderId", "a-b_c=d@e,f;g"));
  }

  @Test
  void literalPartsMatchExactly() {
    ChannelPattern pattern = ChannelPattern.compile("orders.{id}");

    assertThat(pattern.match("ordersX42")).as("the dot is literal, not a regex").isEmpty();
    assertThat(pattern.match("xorders.42")).isEmpty();
    assertThat(ChannelPattern.compile("admin").match("admin")).hasValue(Map.of());
    assertThat(ChannelPattern.compile("admin").match("admins")).isEmpty();
  }

  @Test
  void paramsMayShareAPartWithLiterals() {
    ChannelPattern pattern = ChannelPattern.compile("user-{id}-inbox");

    assertThat(pattern.match("user-42-inbox"))
        .hasValueSatisfying(params -> assertThat(params).containsEntry("id", "42"));
  }

  @Test
  void rejectsPatternsWithATypePrefixAndSaysWhatToWrite() {
    assertThatThrownBy(() -> ChannelPattern.compile("private-orders.{id}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register 'orders.{id}'");
    assertThatThrownBy(() -> ChannelPattern.compile("presence-chat.{id}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelPattern.compile("private-encrypted-inbox"))
        .hasMessageContaining("register 'inbox'");
  }

  @Test
  void rejectsMalformedPatterns() {
    assertThatThrownBy(() -> ChannelPattern.compile(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelPattern.compile("orders.{id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders.{id");
    assertThatThrownBy(() -> ChannelPattern.compile("orders.{1d}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelPattern.compile("a.{id}.b.{id}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ChannelPattern.compile("orders/{id}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelPattern.compile("orders.*"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
