package dev.herald.server.testing;

import dev.herald.server.channel.Loop;

/** A loop that is always "current": tasks run at once on the calling thread. */
public final class DirectLoop implements Loop {
  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public boolean inLoop() {
    return true;
  }
}
