package dev.herald.server.channel;

import java.util.Arrays;

/**
 * One channel's subscribers on this node, grouped by loop. The group array is replaced (never
 * mutated) under the registry's per-key lock and read without locks by publishers.
 */
final class LocalChannel {
  private volatile LoopGroup[] groups = new LoopGroup[0];
  private volatile int count;

  /** Adds a subscriber; called under the registry's lock for this channel, on its loop. */
  boolean add(Subscriber subscriber) {
    LoopGroup group = groupOf(subscriber.loop());
    if (group == null) {
      group = new LoopGroup(subscriber.loop());
      LoopGroup[] next = Arrays.copyOf(groups, groups.length + 1);
      next[groups.length] = group;
      groups = next;
    }
    if (group.add(subscriber)) {
      count++;
      return true;
    }
    return false;
  }

  /** Removes a subscriber; called under the registry's lock for this channel, on its loop. */
  boolean remove(Subscriber subscriber) {
    LoopGroup group = groupOf(subscriber.loop());
    if (group != null && group.remove(subscriber)) {
      count--;
      return true;
    }
    return false;
  }

  int count() {
    return count;
  }

  LoopGroup[] groups() {
    return groups;
  }

  private LoopGroup groupOf(Loop loop) {
    for (LoopGroup g : groups) {
      if (g.loop == loop) {
        return g;
      }
    }
    return null;
  }
}
