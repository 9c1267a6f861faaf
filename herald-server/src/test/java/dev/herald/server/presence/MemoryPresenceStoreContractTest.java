package dev.herald.server.presence;

class MemoryPresenceStoreContractTest extends PresenceStoreContract {
  @Override
  protected PresenceStore newStore() {
    return new MemoryPresenceStore();
  }
}
