package dev.herald;

import dev.herald.DeliveryContract.Delivery;
import dev.herald.DeliveryContract.Observer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The contract's subscriber for drivers that record what they send instead of delivering it. */
public final class RecordedObserver {
  private RecordedObserver() {}

  /**
   * One event for one channel as a recording driver sent it.
   *
   * @param socketId the socket left out, or null
   */
  public record Sent(String channel, String event, String data, String socketId) {
    /** Every channel of a broadcast, as sent. */
    public static List<Sent> of(Broadcast b) {
      return b.channels().stream()
          .map(c -> new Sent(c.name(), b.name(), b.data(), b.socketId()))
          .toList();
    }
  }

  /**
   * An observer over a driver's own record of what it sent, as a subscriber with socket id {@code
   * 1111.2222} would see it. The record must be complete when a broadcast's future completes.
   */
  static Observer of(Supplier<List<Sent>> record, List<Channel> channels) {
    int start = record.get().size();
    List<String> names = channels.stream().map(Channel::name).toList();
    String socketId = "1111.2222";
    return new Observer() {
      @Override
      public String socketId() {
        return socketId;
      }

      @Override
      public List<Delivery> until(String marker) {
        List<Sent> all = record.get();
        List<Delivery> seen = new ArrayList<>();
        for (Sent sent : all.subList(start, all.size())) {
          if (names.contains(sent.channel()) && !socketId.equals(sent.socketId())) {
            seen.add(new Delivery(sent.channel(), sent.event(), sent.data()));
            if (sent.event().equals(marker)) {
              return seen;
            }
          }
        }
        throw new AssertionError("no " + marker + " recorded; saw " + seen);
      }
    };
  }
}
