package dev.herald;

import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The contract, against {@link HttpBroadcaster} and a stub of the Pusher HTTP API. */
class HttpBroadcasterContractTest extends DeliveryContract {
  private final StubApiServer stub = new StubApiServer();

  @Override
  protected Broadcaster newBroadcaster() {
    return stub.broadcaster().encryptionMasterKey(MASTER_KEY).build();
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return RecordedObserver.of(stub::sent, channels);
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }
}
