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

  @Test
  void recognisesCacheChannelsOnlyByAnchoredPrefixes() {
    assertThat(ChannelName.isCache("cache-x")).isTrue();
    assertThat(ChannelName.isCache("private-cache-x")).isTrue();
    assertThat(ChannelName.isCache("private-encrypted-cache-x")).isTrue();
    assertThat(ChannelName.isCache("presence-cache-x")).isTrue();
    assertThat(ChannelName.isCache("my-cache-x")).isFalse();
    assertThat(ChannelName.isCache("private-my-cache-x")).isFalse();
    assertThat(ChannelName.isCache("cachex")).isFalse();
    assertThat(ChannelType.of("presence-cache-x")).isEqualTo(ChannelType.PRESENCE);
    assertThat(ChannelType.of("private-encrypted-cache-x")).isEqualTo(ChannelType.ENCRYPTED);
  }

  @Test
  void allowsServerToUserChannelsOnlyAsPublishTargets() {
    assertThat(ChannelName.isServerToUser("#server-to-user-42")).isTrue();
    assertThat(ChannelName.isServerToUser("#server-to-user-")).isFalse();
    assertThat(ChannelName.publishProblem("#server-to-user-a+b@example.com")).isEmpty();
    assertThat(ChannelName.publishProblem("#other")).isPresent();
    assertThat(ChannelName.problem("#server-to-user-42")).isPresent();
    assertThat(ChannelName.serverToUser("7")).isEqualTo("#server-to-user-7");
  }
}
