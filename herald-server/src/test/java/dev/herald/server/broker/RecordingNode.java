package dev.herald.server.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LocalNode} that records what a broker delivers into it. Thread-safe. */
public final class RecordingNode implements LocalNode {
  /** Payloads starting with this are a test's markers, not deliveries under test. */
  public static final String MARKER = "marker:";

  private final List<Message> delivered = new CopyOnWriteArrayList<>();
  private final List<String> terminated = new CopyOnWriteArrayList<>();

  @Override
  public void deliver(Message message) {
    delivered.add(message);
  }

  @Override
  public void terminate(String appId, String userId) {
    terminated.add(appId + "/" + userId);
  }

  /** What was delivered, markers left out, in order. */
  public List<Message> deliveries() {
    return delivered.stream().filter(m -> !isMarker(m)).toList();
  }

  /** The payloads delivered, markers left out, in order. */
  public List<String> payloads() {
    return deliveries().stream().map(RecordingNode::text).toList();
  }

  /** Whether the marker with this payload has been delivered. */
  public boolean sawMarker(String marker) {
    return delivered.stream().anyMatch(m -> text(m).equals(marker));
  }

  /** The users terminated, as {@code appId/userId}, in order. */
  public List<String> terminations() {
    return List.copyOf(terminated);
  }

  public static String text(Message message) {
    return new String(message.json(), StandardCharsets.UTF_8);
  }

  private static boolean isMarker(Message message) {
    return text(message).startsWith(MARKER);
  }
}
