package dev.herald.spring.shop;

import dev.herald.WebhookEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every webhook event the app heard, as an application event. */
@Component
public class WebhookLog {
  public final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(WebhookEvent event) {
    events.add(event);
  }
}
