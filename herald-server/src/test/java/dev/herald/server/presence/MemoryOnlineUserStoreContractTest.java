package dev.herald.server.presence;

class MemoryOnlineUserStoreContractTest extends OnlineUserStoreContract {
  @Override
  protected OnlineUserStore newStore() {
    return new MemoryOnlineUserStore();
  }
}
