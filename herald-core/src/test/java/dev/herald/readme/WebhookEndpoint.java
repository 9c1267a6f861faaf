package dev.herald.readme;

import static dev.herald.readme.AuthEndpoint.error;
import static dev.herald.readme.AuthEndpoint.reply;

import com.sun.net.httpserver.HttpServer;
import dev.herald.WebhookBatch;
import dev.herald.WebhookEvent;
import dev.herald.WebhookReceiver;
import dev.herald.WebhookVerificationException;

/**
 * The README's webhook endpoint on the JDK's {@link HttpServer}, compiled here and exercised by
 * {@link WebhookEndpointTest}.
 */
public final class WebhookEndpoint {
  private WebhookEndpoint() {}

  /** What the app does with presence webhooks. */
  public interface Presence {
    void online(String userId, String channel);

    void offline(String userId, String channel);
  }

  static void install(HttpServer server, String appKey, String appSecret, Presence presence) {
    WebhookReceiver webhooks = new WebhookReceiver(appKey, appSecret);
    server.createContext(
        "/pusher/webhooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes(); // raw bytes: verify, then parse
          try {
            WebhookBatch batch =
                webhooks.verify(
                    exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
                    exchange.getRequestHeaders().getFirst("X-Pusher-Signature"),
                    body);
            for (WebhookEvent event : batch.events()) {
              if (event instanceof WebhookEvent.MemberAdded added) {
                presence.online(added.userId(), added.channel());
              } else if (event instanceof WebhookEvent.MemberRemoved removed) {
                presence.offline(removed.userId(), removed.channel());
              }
            }
            reply(exchange, 200, "{}");
          } catch (WebhookVerificationException e) {
            reply(exchange, 401, error(e.getMessage()));
          }
        });
  }
}
