package dev.herald.server.channel;

class MemoryOccupancyStoreContractTest extends OccupancyStoreContract {
  @Override
  protected OccupancyStore newStore() {
    return new MemoryOccupancyStore();
  }
}
