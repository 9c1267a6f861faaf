package dev.herald.spring;

import dev.herald.WebhookBatch;
import dev.herald.WebhookEvent;
import dev.herald.WebhookReceiver;
import dev.herald.WebhookVerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Herald's (or Pusher's) webhooks at {@code herald.webhooks.path} (default {@code
 * /broadcasting/webhooks}, on with {@code herald.webhooks.enabled=true}): verifies {@code
 * X-Pusher-Key} and {@code X-Pusher-Signature} against the raw body with the app's secret, then
 * publishes each {@link WebhookEvent} as an application event, so {@code @EventListener void
 * on(WebhookEvent.ChannelOccupied e)} works. Answers 200 once every listener ran, 401 for a bad or
 * missing signature (the sender retries non-2xx answers; a listener's exception answers 500 so the
 * batch comes again).
 */
@RestController
final class HeraldWebhookController {
  private static final Logger log = LoggerFactory.getLogger(HeraldWebhookController.class);

  private final WebhookReceiver receiver;
  private final ApplicationEventPublisher events;

  HeraldWebhookController(WebhookReceiver receiver, ApplicationEventPublisher events) {
    this.receiver = receiver;
    this.events = events;
  }

  @PostMapping(
      path = "${herald.webhooks.path:/broadcasting/webhooks}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> receive(
      @RequestHeader(name = WebhookReceiver.KEY_HEADER, required = false) String key,
      @RequestHeader(name = WebhookReceiver.SIGNATURE_HEADER, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    WebhookBatch batch;
    try {
      batch = receiver.verify(key, signature, body == null ? new byte[0] : body);
    } catch (WebhookVerificationException e) {
      log.warn("webhook refused: {}", e.getMessage());
      return HeraldAuthController.error(HttpStatus.UNAUTHORIZED, e.getMessage());
    }
    batch.events().forEach(events::publishEvent);
    return ResponseEntity.ok("{}");
  }
}
