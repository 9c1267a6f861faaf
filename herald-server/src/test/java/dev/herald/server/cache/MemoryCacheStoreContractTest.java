package dev.herald.server.cache;

class MemoryCacheStoreContractTest extends CacheStoreContract {
  @Override
  protected CacheStore newStore() {
    return new MemoryCacheStore();
  }
}
