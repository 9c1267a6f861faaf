package dev.herald.server.webhook;

import dev.herald.WebhookEvent;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleEvent.CacheMiss;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import dev.herald.server.lifecycle.LifecycleEvent.SubscriptionCountChanged;
import java.util.Optional;

/**
 * Which lifecycle events become webhook events (protocol reference §1.12), as herald-core's typed
 * {@link WebhookEvent}s, and which of those the comeback delay holds or cancels. Stateless.
 */
final class LifecycleWebhooks {
  private LifecycleWebhooks() {}

  /**
   * The webhook event for a lifecycle event; empty for the events webhooks do not report
   * (connections opened and closed, single subscriptions).
   */
  static Optional<WebhookEvent> webhookFor(LifecycleEvent e) {
    WebhookEvent result = null;
    if (e instanceof ChannelOccupied o) {
      result = new WebhookEvent.ChannelOccupied(o.channel());
    } else if (e instanceof ChannelVacated v) {
      result = new WebhookEvent.ChannelVacated(v.channel());
    } else if (e instanceof MemberAdded a) {
      result = new WebhookEvent.MemberAdded(a.channel(), a.userId());
    } else if (e instanceof MemberRemoved r) {
      result = new WebhookEvent.MemberRemoved(r.channel(), r.userId());
    } else if (e instanceof ClientEventSent c) {
      result =
          new WebhookEvent.ClientEvent(c.channel(), c.event(), c.data(), c.socketId(), c.userId());
    } else if (e instanceof CacheMiss m) {
      result = new WebhookEvent.CacheMiss(m.channel());
    } else if (e instanceof SubscriptionCountChanged s) {
      result = new WebhookEvent.SubscriptionCount(s.channel(), s.count());
    }
    return Optional.ofNullable(result);
  }

  /** Whether {@code event} waits for the comeback delay before it is sent. */
  static boolean isDeparture(WebhookEvent event) {
    return event instanceof WebhookEvent.ChannelVacated
        || event instanceof WebhookEvent.MemberRemoved;
  }

  /** Whether {@code event} cancels a delayed departure of the same channel (and user). */
  static boolean isArrival(WebhookEvent event) {
    return event instanceof WebhookEvent.ChannelOccupied
        || event instanceof WebhookEvent.MemberAdded;
  }

  /** The member of a {@code member_added} or {@code member_removed}; null for other events. */
  static String member(WebhookEvent event) {
    if (event instanceof WebhookEvent.MemberAdded added) {
      return added.userId();
    }
    return event instanceof WebhookEvent.MemberRemoved removed ? removed.userId() : null;
  }
}
