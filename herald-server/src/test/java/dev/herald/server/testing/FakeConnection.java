package dev.herald.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.channel.Frame;
import dev.herald.server.channel.Loop;
import dev.herald.server.protocol.Connection;
import dev.herald.server.protocol.ConnectionState;
import dev.herald.server.protocol.PusherError;
import java.util.ArrayList;
import java.util.List;

/** A connection without a socket: records every message it is sent and how it was closed. */
public final class FakeConnection implements Connection {
  private final App app;
  private final String socketId;
  private final ConnectionState state;
  private final Loop loop;
  public final List<String> received = new ArrayList<>();
  public PusherError closedWith;
  public String closeMessage;

  public FakeConnection(App app, String socketId, ConnectionState state, Loop loop) {
    this.app = app;
    this.socketId = socketId;
    this.state = state;
    this.loop = loop;
  }

  @Override
  public String socketId() {
    return socketId;
  }

  @Override
  public Loop loop() {
    return loop;
  }

  @Override
  public void deliver(Frame frame) {
    received.add(((RecordingFrames.TextFrame) frame).json);
  }

  @Override
  public App app() {
    return app;
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public void send(String json) {
    received.add(json);
  }

  @Override
  public void ping(String pingJson) {
    received.add(pingJson);
  }

  @Override
  public void close(PusherError error, String message) {
    if (closedWith == null) {
      closedWith = error;
      closeMessage = message;
    }
  }

  /** Every received message, parsed. */
  public List<JsonNode> messages() {
    List<JsonNode> result = new ArrayList<>();
    for (String json : received) {
      try {
        result.add(PusherJson.mapper().readTree(json));
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + json, e);
      }
    }
    return result;
  }

  /** The names of the received events, in order. */
  public List<String> events() {
    return messages().stream().map(m -> m.path("event").asText()).toList();
  }

  /** The last received message with this event name. */
  public JsonNode last(String event) {
    List<JsonNode> all = messages();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).path("event").asText().equals(event)) {
        return all.get(i);
      }
    }
    throw new AssertionError("no " + event + " among " + events());
  }

  /** The {@code data} of a message, parsed when it is a JSON string. */
  public static JsonNode data(JsonNode message) {
    JsonNode data = message.path("data");
    if (data.isTextual()) {
      try {
        return PusherJson.mapper().readTree(data.asText());
      } catch (Exception e) {
        return data;
      }
    }
    return data;
  }

  public void clear() {
    received.clear();
  }
}
