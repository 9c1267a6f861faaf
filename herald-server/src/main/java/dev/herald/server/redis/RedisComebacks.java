package dev.herald.server.redis;

import dev.herald.WebhookEvent;
import dev.herald.server.redis.Counter.Kind;
import dev.herald.server.webhook.Comebacks;
import java.util.concurrent.CompletableFuture;

/**
 * The comeback delay of a cluster's webhooks: a subscriber or member that leaves one node and comes
 * back on another within the delay (a page reload behind a load balancer) is as invisible to the
 * receiver as on one node. The counter scripts mark each departure in Redis with the node that
 * holds it, and a rise while the mark stands turns it into a comeback, atomically with the count
 * (see count.lua), so the arriving node knows without asking and the holding node asks once, when
 * its delay is over (departure.lua).
 */
final class RedisComebacks implements Comebacks {
  private final RedisLedger ledger;

  RedisComebacks(RedisLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public boolean cancelledADeparture(String appId, WebhookEvent arrival) {
    return ledger.tookComeback(counter(appId, arrival));
  }

  @Override
  public CompletableFuture<Boolean> stillDue(String appId, WebhookEvent departure) {
    return ledger.departureDue(counter(appId, departure));
  }

  /** The counter whose crossing of zero made {@code event}. */
  private static Counter counter(String appId, WebhookEvent event) {
    String userId = null;
    if (event instanceof WebhookEvent.MemberAdded added) {
      userId = added.userId();
    } else if (event instanceof WebhookEvent.MemberRemoved removed) {
      userId = removed.userId();
    }
    return userId == null
        ? new Counter(Kind.OCCUPANCY, appId, event.channel(), event.channel())
        : new Counter(Kind.PRESENCE, appId, event.channel(), userId);
  }
}
