package dev.herald;

import java.util.List;

/** The contract, against a {@link QueuedBroadcaster} (its own scheduler) in front of a fake. */
class QueuedBroadcasterContractTest extends DeliveryContract {
  private FakeBroadcaster fake;

  @Override
  protected Broadcaster newBroadcaster() {
    fake = new FakeBroadcaster();
    return QueuedBroadcaster.builder(fake).build();
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return RecordedObserver.of(
        () ->
            fake.broadcasts().stream().flatMap(b -> RecordedObserver.Sent.of(b).stream()).toList(),
        channels);
  }

  @Override
  protected boolean encrypts() {
    return false;
  }
}
