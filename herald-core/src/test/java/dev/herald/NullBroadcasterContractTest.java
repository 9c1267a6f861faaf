package dev.herald;

import java.util.List;

/** The contract, against {@link NullBroadcaster}: it accepts and refuses like the others. */
class NullBroadcasterContractTest extends BroadcasterContract {
  @Override
  protected Broadcaster newBroadcaster() {
    return new NullBroadcaster();
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return RecordedObserver.of(List::of, channels);
  }

  @Override
  protected boolean delivers() {
    return false;
  }
}
