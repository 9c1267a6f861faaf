package dev.herald.server.testing;

import dev.herald.server.channel.Loop;
import java.util.ArrayDeque;

/** A loop the test runs by hand: tasks queue until {@link #runAll()}; never "current". */
public final class QueuedLoop implements Loop {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  @Override
  public boolean inLoop() {
    return false;
  }

  public int pending() {
    return tasks.size();
  }

  public void runAll() {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }
}
