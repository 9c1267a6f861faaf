package dev.herald.spring;

import dev.herald.ChannelAuthorizerBuilder;
import java.security.Principal;

/**
 * Channel rules as a bean, for rules written as code rather than {@link ChannelAuthorization}
 * methods (and for middleware or a decision cache):
 *
 * <pre>{@code
 * @Bean
 * HeraldChannels orderChannels(Orders orders) {
 *   return channels -> channels.channel("orders.{orderId}",
 *       (user, params) -> orders.isOwnedBy(params.get("orderId"), user.getName()));
 * }
 * }</pre>
 *
 * <p>Beans of this type are applied in their order, before the annotated methods; the user is the
 * request's {@link Principal}.
 */
@FunctionalInterface
public interface HeraldChannels {
  /** Adds rules (or middleware) to the authorizer being built. */
  void register(ChannelAuthorizerBuilder<Principal> channels);
}
