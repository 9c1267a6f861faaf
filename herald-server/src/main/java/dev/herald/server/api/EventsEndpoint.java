package dev.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.broker.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /apps/{app_id}/events} and {@code POST /apps/{app_id}/batch_events} (§1.11): the
 * whole request is validated (see {@link EventRequest}) before anything is published, so a refused
 * request publishes nothing. Each channel gets one message through the broker, encoded once.
 * Thread-safe; never blocks.
 */
final class EventsEndpoint {
  static final String BATCH = "batch";

  private final ChannelInfo info;
  private final EventPublisher publisher;

  EventsEndpoint(ChannelInfo info, EventPublisher publisher) {
    this.info = info;
    this.publisher = publisher;
  }

  /**
   * Triggers one event on its channels. Answers {@code {}}, or with {@code info} {@code
   * {"channels": {"<channel>": {attributes}}}} for every channel of the event; non-presence
   * channels carry no {@code user_count}.
   */
  CompletableFuture<ApiResponse> trigger(ApiCall call) {
    App app = call.app();
    ObjectNode body = JsonBodies.object(call.request().body());
    EventRequest event = EventRequest.parse(body, "", app.limits(), false);
    publish(app, event);
    ObjectNode response = PusherJson.mapper().createObjectNode();
    if (event.info().isEmpty()) {
      return CompletableFuture.completedFuture(ApiResponse.ok(response));
    }
    ObjectNode channels = response.putObject(EventRequest.CHANNELS);
    List<CompletableFuture<ObjectNode>> answers = new ArrayList<>();
    for (String channel : event.channels()) {
      answers.add(info.attributes(app.id(), channel, event.info()));
    }
    return Answers.all(answers)
        .thenApply(
            nodes -> {
              for (int i = 0; i < nodes.size(); i++) {
                channels.set(event.channels().get(i), nodes.get(i));
              }
              return ApiResponse.ok(response);
            });
  }

  /**
   * Triggers 1 to {@code maxBatchSize} events, one channel each. Answers {@code {}}, or when any
   * item asks for {@code info}, {@code {"batch": [{attributes}, {}, …]}} aligned with the items.
   */
  CompletableFuture<ApiResponse> batch(ApiCall call) {
    App app = call.app();
    ObjectNode body = JsonBodies.object(call.request().body());
    ArrayNode items = JsonBodies.requiredArray(body, "", BATCH);
    int limit = app.limits().maxBatchSize();
    if (items.isEmpty()) {
      throw ApiException.badRequest("Field 'batch' must not be empty");
    }
    if (items.size() > limit) {
      throw ApiException.badRequest(
          "Field 'batch' has " + items.size() + " events; the limit is " + limit);
    }
    List<EventRequest> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String where = BATCH + "[" + i + "]";
      if (!item.isObject()) {
        throw JsonBodies.wrongType(where, "an object", item);
      }
      events.add(EventRequest.parse((ObjectNode) item, where + ".", app.limits(), true));
    }
    // Only now that every item is valid: publish them all, in order.
    events.forEach(event -> publish(app, event));
    ObjectNode response = PusherJson.mapper().createObjectNode();
    if (events.stream().allMatch(event -> event.info().isEmpty())) {
      return CompletableFuture.completedFuture(ApiResponse.ok(response));
    }
    List<CompletableFuture<ObjectNode>> answers = new ArrayList<>();
    for (EventRequest event : events) {
      answers.add(info.attributes(app.id(), event.channels().get(0), event.info()));
    }
    return Answers.all(answers)
        .thenApply(
            nodes -> {
              ArrayNode batch = response.putArray(BATCH);
              nodes.forEach(batch::add);
              return ApiResponse.ok(response);
            });
  }

  private void publish(App app, EventRequest event) {
    for (String channel : event.channels()) {
      publisher.publish(app, channel, event.name(), event.data(), event.socketId());
    }
  }
}
