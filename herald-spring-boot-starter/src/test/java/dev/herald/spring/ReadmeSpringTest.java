package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.AuthorizationDeniedException;
import dev.herald.Channel;
import dev.herald.FakeBroadcaster;
import dev.herald.spring.readme.OrderService;
import dev.herald.spring.readme.OrderShipped;
import dev.herald.spring.readme.ReadmeApplication;
import dev.herald.spring.test.AutoConfigureHeraldFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The README's Spring Boot example, tested as its README says to test an app: with {@link
 * AutoConfigureHeraldFake}. Also what the fake promises: after-commit delivery, nothing on
 * rollback, and an empty fake at the start of each test.
 */
@SpringBootTest(classes = ReadmeApplication.class)
@AutoConfigureHeraldFake
class ReadmeSpringTest {
  @Autowired OrderService orders;
  @Autowired FakeBroadcaster broadcasts;
  @Autowired TransactionTemplate transactions;
  @Autowired HeraldAuthorizer authorizer;

  @Test
  void tellsTheOrdersChannelWhenAnOrderShips() {
    orders.ship(42, "DHL");

    broadcasts.assertBroadcastOn(Channel.privateChannel("orders.42"), OrderShipped.class);
    broadcasts.assertBroadcast(OrderShipped.class, event -> event.carrier().equals("DHL"));
  }

  @Test
  void broadcastsNothingWhenTheSurroundingTransactionRollsBack() {
    transactions.executeWithoutResult(
        status -> {
          orders.ship(7, "DHL");
          broadcasts.assertNothingBroadcast(); // not before the commit
          status.setRollbackOnly();
        });
    broadcasts.assertNothingBroadcast();
  }

  @Test
  void startsEachTestWithAnEmptyFake() {
    broadcasts.assertNothingBroadcast();
    orders.ship(1, "UPS");
    broadcasts.assertBroadcastTimes(OrderShipped.class, 1);
  }

  @Test
  void authorizesTheOrdersCustomerOnlyAndSignsPresenceMembers() {
    assertThat(authorizer.authorize(() -> "customer-42", "1.2", "private-orders.42").auth())
        .isNotEmpty();
    assertThatThrownBy(() -> authorizer.authorize(() -> "customer-7", "1.2", "private-orders.42"))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(
            authorizer
                .authorize(() -> "customer-7", "1.2", "presence-support.general")
                .channelData())
        .isEqualTo("{\"user_id\":\"customer-7\",\"user_info\":{\"name\":\"customer-7\"}}");
  }
}
