package dev.herald.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the rule for the channels its pattern matches, as Laravel's
 * {@code Broadcast::channel('orders.{orderId}', …)}: the pattern is the channel name without its
 * {@code private-}/{@code presence-} prefix, {@code {param}} matches one dot-free part.
 *
 * <pre>{@code
 * @Component
 * class OrderChannels {
 *   @ChannelAuthorization("orders.{orderId}")   // private-orders.42, private-encrypted-orders.42
 *   boolean order(Principal user, @ChannelParam long orderId) {
 *     return orders.isOwnedBy(orderId, user.getName());
 *   }
 *
 *   @ChannelAuthorization("chat.{roomId}")      // presence-chat.7
 *   PresenceMember chat(Principal user, @ChannelParam String roomId) {
 *     return PresenceMember.of(user.getName(), Map.of("name", user.getName()));
 *   }
 * }
 * }</pre>
 *
 * <p>The return type decides which channels the rule answers: {@code boolean} for private (and
 * encrypted) channels, true allows; {@link dev.herald.PresenceMember}, {@code
 * Optional<PresenceMember>} or a {@code Map} of user info (the member is then the principal's name)
 * for presence channels, null or empty denies. Parameters are the signed-in user (a parameter of
 * type {@link java.security.Principal}, Spring Security's {@code Authentication}, or the type of
 * its principal, e.g. {@code UserDetails}) and {@link ChannelParam}s, converted from the name's
 * text by Spring's conversion service (a value that does not convert denies). Rules are tried in
 * the order beans are created, after the {@link HeraldChannels} beans; a mistake in a method's
 * signature fails the application's start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChannelAuthorization {
  /** The channel name pattern without its prefix, e.g. {@code orders.{orderId}}. */
  String value();
}
