package dev.herald;

/**
 * The contract, against {@link NullBroadcaster}: it accepts and refuses like the others. It
 * delivers nothing by design, so the delivery contract does not apply.
 */
class NullBroadcasterContractTest extends BroadcasterContract {
  @Override
  protected Broadcaster newBroadcaster() {
    return new NullBroadcaster();
  }
}
