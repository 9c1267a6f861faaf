package dev.herald;

import java.util.List;

/** The contract, against {@link FakeBroadcaster}'s record. */
class FakeBroadcasterContractTest extends DeliveryContract {
  private FakeBroadcaster fake;

  @Override
  protected Broadcaster newBroadcaster() {
    fake = new FakeBroadcaster();
    return fake;
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
