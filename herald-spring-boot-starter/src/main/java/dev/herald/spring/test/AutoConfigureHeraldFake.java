package dev.herald.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Replaces the {@link dev.herald.Broadcaster} bean with a {@link dev.herald.FakeBroadcaster} in a
 * {@code @SpringBootTest}, so tests assert what was broadcast without a server:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureHeraldFake
 * class OrderServiceTest {
 *   @Autowired OrderService orders;
 *   @Autowired FakeBroadcaster broadcasts;
 *
 *   @Test
 *   void tellsTheCustomerWhenTheOrderShips() {
 *     orders.ship(42);
 *     broadcasts.assertBroadcastOn(Channel.privateChannel("orders.42"), OrderShipped.class);
 *   }
 * }
 * }</pre>
 *
 * <p>Events published with {@code ApplicationEventPublisher} reach the fake after commit, as they
 * would reach Herald. The fake is emptied before each test method, since Spring shares the context
 * between test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(HeraldFakeConfiguration.class)
public @interface AutoConfigureHeraldFake {}
