package dev.herald.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelNameTest {
  @Test
  void acceptsEveryAllowedCharacter() {
    assertThat(ChannelName.isValid("private-Orders_1-=@,.;")).isTrue();
  }

  @Test
  void rejectsEmptyTooLongReservedAndForeignCharacters() {
    assertThat(ChannelName.problem("")).hasValueSatisfying(m -> assertThat(m).contains("missing"));
    assertThat(ChannelName.problem("a".repeat(201)))
        .hasValueSatisfying(m -> assertThat(m).contains("201").contains("200"));
    assertThat(ChannelName.isValid("a".repeat(200))).isTrue();
    assertThat(ChannelName.problem("#server-to-user-1"))
        .hasValueSatisfying(m -> assertThat(m).contains("reserved"));
    assertThat(ChannelName.problem("has space")).isPresent();
    assertThat(ChannelName.problem("emoji-\u2603")).isPresent();
    assertThat(ChannelName.problem("a:b")).isPresent();
  }

  @Test
  void typesChannelsByPrefixWithEncryptedBeforePrivate() {
    assertThat(ChannelType.of("orders")).isEqualTo(ChannelType.PUBLIC);
    assertThat(ChannelType.of("private-orders")).isEqualTo(ChannelType.PRIVATE);
    assertThat(ChannelType.of("private-encrypted-orders")).isEqualTo(ChannelType.ENCRYPTED);
    assertThat(ChannelType.of("presence-room")).isEqualTo(ChannelType.PRESENCE);
    assertThat(ChannelType.of("my-private-x")).isEqualTo(ChannelType.PUBLIC);
    assertThat(ChannelType.ENCRYPTED.allowsClientEvents()).isFalse();
    assertThat(ChannelType.PRESENCE.allowsClientEvents()).isTrue();
  }

  @Test
  void validatesSocketIds() {
    assertThat(SocketId.isValid("1234.5678")).isTrue();
    assertThat(SocketId.isValid("1234.5678:private-x")).isFalse();
    assertThat(SocketId.isValid("1234")).isFalse();
    assertThat(SocketId.isValid(null)).isFalse();
  }
}
