package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.pusher.ChannelType;
import org.junit.jupiter.api.Test;

class ChannelTest {
  @Test
  void factoriesAddPusherPrefixesOnce() {
    assertThat(Channel.publicChannel("orders").name()).isEqualTo("orders");
    assertThat(Channel.privateChannel("orders.42").name()).isEqualTo("private-orders.42");
    assertThat(Channel.privateChannel("private-orders.42").name()).isEqualTo("private-orders.42");
    assertThat(Channel.presenceChannel("room.7").name()).isEqualTo("presence-room.7");
    assertThat(Channel.encryptedChannel("inbox").name()).isEqualTo("private-encrypted-inbox");
    assertThat(Channel.encryptedChannel("private-encrypted-inbox").name())
        .isEqualTo("private-encrypted-inbox");
  }

  @Test
  void knowsItsTypeByPrefix() {
    assertThat(Channel.of("private-encrypted-x").type()).isEqualTo(ChannelType.ENCRYPTED);
    assertThat(Channel.of("private-encrypted-x").isEncrypted()).isTrue();
    assertThat(Channel.of("private-x").type()).isEqualTo(ChannelType.PRIVATE);
    assertThat(Channel.of("presence-x").type()).isEqualTo(ChannelType.PRESENCE);
    assertThat(Channel.of("x").type()).isEqualTo(ChannelType.PUBLIC);
  }

  @Test
  void refusesInvalidNamesWithTheReason() {
    assertThatThrownBy(() -> Channel.of("orders 42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("characters outside");
    assertThatThrownBy(() -> Channel.of("x".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit is 200");
    assertThatThrownBy(() -> Channel.of("#internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> Channel.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void refusesAPublicChannelNamedLikeAPrivateOne() {
    assertThatThrownBy(() -> Channel.publicChannel("private-orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a private channel, not public");
  }

  @Test
  void namesAUsersInternalChannel() {
    Channel user = Channel.user("user-42");
    assertThat(user.name()).isEqualTo("#server-to-user-user-42");
    assertThat(user.isUser()).isTrue();
    assertThat(user.isEncrypted()).isFalse();
    assertThat(new Channel("#server-to-user-7")).isEqualTo(Channel.user("7"));
    assertThatThrownBy(() -> Channel.user(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 128");
    assertThatThrownBy(() -> Channel.user("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("characters outside");
  }

  @Test
  void isAValueShownByItsName() {
    assertThat(Channel.privateChannel("a")).isEqualTo(Channel.of("private-a"));
    assertThat(Channel.of("a")).hasToString("a");
  }
}
