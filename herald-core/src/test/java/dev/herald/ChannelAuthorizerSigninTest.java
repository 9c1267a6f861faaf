package dev.herald;

import static dev.herald.ChannelAuthorizerTest.KEY;
import static dev.herald.ChannelAuthorizerTest.SECRET;
import static dev.herald.ChannelAuthorizerTest.SOCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelAuthorizerSigninTest {
  private final ChannelAuthorizer<String> authorizer =
      ChannelAuthorizer.<String>builder(KEY, SECRET).build();

  @Test
  void signsThePusherDocsUserVector() {
    AuthResponse response = authorizer.signin("12345", SOCKET, UserData.of("12345"));

    assertThat(response.toJson())
        .isEqualTo(
            "{\"auth\":\"278d425bdf160c739803:"
                + "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba\","
                + "\"user_data\":\"{\\\"id\\\":\\\"12345\\\"}\"}");
  }

  @Test
  void signsUserInfoAndTheWatchlistAsOneJsonString() throws Exception {
    UserData data =
        UserData.of("7").withUserInfo(Map.of("name", "Ada")).withWatchlist(List.of("8", "9"));

    AuthResponse response = authorizer.signin("7", SOCKET, data);

    assertThat(response.userData())
        .isEqualTo("{\"id\":\"7\",\"user_info\":{\"name\":\"Ada\"},\"watchlist\":[\"8\",\"9\"]}");
    assertThat(response.auth())
        .isEqualTo(Signatures.userAuth(KEY, SECRET, SOCKET, response.userData()));
    JsonNode json = PusherJson.mapper().readTree(response.toJson());
    assertThat(json.fieldNames()).toIterable().containsExactly("auth", "user_data");
  }

  @Test
  void middlewareCanRefuseASignin() {
    ChannelAuthorizer<String> banning =
        ChannelAuthorizer.<String>builder(KEY, SECRET)
            .middleware(
                (request, next) ->
                    request.isSignin() && "mallory".equals(request.user())
                        ? AuthorizationDecision.deny("banned")
                        : next.proceed())
            .build();

    assertThat(banning.signin("ada", SOCKET, UserData.of("ada")).auth()).startsWith(KEY + ":");
    assertThatThrownBy(() -> banning.signin("mallory", SOCKET, UserData.of("mallory")))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            denied -> {
              assertThat(denied.channel()).isNull();
              assertThat(denied.getMessage()).isEqualTo("sign-in denied: banned");
            });
  }

  @Test
  void rejectsBadSocketIdsAndUserData() {
    assertThatThrownBy(() -> authorizer.signin("1", "1.2:x", UserData.of("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserData.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserData.of("1").withWatchlist(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
