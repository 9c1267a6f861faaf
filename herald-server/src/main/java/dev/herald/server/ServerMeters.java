package dev.herald.server;

import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MessageCounts;
import dev.herald.server.lifecycle.LifecycleDispatcher;
import dev.herald.server.metrics.ServerMetrics;
import dev.herald.server.netty.NettyServer;
import dev.herald.server.protocol.PusherProtocol;
import dev.herald.server.redis.RedisCluster;
import dev.herald.server.webhook.HttpWebhookSender;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /metrics} shows of a running server: the per-app meters (bound again for the apps
 * a reload adds) and the node's.
 */
final class ServerMeters {
  private final ServerMetrics metrics;
  private final PusherProtocol protocol;
  private final ChannelRegistry channels;

  ServerMeters(ServerMetrics metrics, PusherProtocol protocol, ChannelRegistry channels) {
    this.metrics = metrics;
    this.protocol = protocol;
    this.channels = channels;
  }

  /** Connections, channels and messages of each of these apps. */
  void perApp(List<String> appIds) {
    metrics.perApp(
        "herald.connections", "open WebSocket connections", appIds, protocol::openConnections);
    metrics.perApp(
        "herald.channels",
        "channels with subscribers on this node",
        appIds,
        channels::channelCount);
    MessageCounts messages = channels.messages();
    metrics.perAppCounter(
        "herald.messages.received",
        "messages received from clients",
        appIds,
        messages::receivedFrom);
    metrics.perAppCounter(
        "herald.messages.delivered",
        "channel messages delivered to clients, one per subscriber",
        appIds,
        messages::deliveredTo);
  }

  /** The node's own: slow consumers, dropped lifecycle events, webhooks, Redis. */
  void node(
      NettyServer transport,
      LifecycleDispatcher lifecycle,
      Optional<HttpWebhookSender> webhooks,
      Optional<RedisCluster> redis) {
    metrics.counter(
        "herald.slow.consumers.closed",
        "clients closed with 4100 for not reading",
        transport::slowConsumersClosed);
    metrics.counter(
        "herald.lifecycle.events.dropped",
        "lifecycle events dropped because listeners fell behind",
        lifecycle::dropped);
    webhooks.ifPresent(
        sender -> {
          metrics.counter(
              "herald.webhooks.delivered",
              "webhook requests answered 2xx",
              sender::deliveredRequests);
          metrics.counter(
              "herald.webhooks.failed", "webhook attempts that failed", sender::failedDeliveries);
          metrics.counter(
              "herald.webhooks.dropped", "webhook events given up on", sender::droppedEvents);
        });
    redis.ifPresent(
        r -> {
          metrics.flag(
              "herald.redis.connected", "1 while Redis is reachable", r.health()::isConnected);
          metrics.counter(
              "herald.redis.failures", "Redis commands that failed", r.health()::failures);
        });
  }
}
