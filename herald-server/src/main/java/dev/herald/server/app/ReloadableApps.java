package dev.herald.server.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The apps of the configuration, replaced as a whole when it is reloaded (SIGHUP, {@code herald
 * reload}). Lookups read one immutable snapshot, so a reload is atomic for every caller.
 * Thread-safe; never blocks.
 */
public final class ReloadableApps implements AppRegistry {
  private volatile StaticAppRegistry current;

  /**
   * What a reload changed.
   *
   * @param gone apps removed, disabled or given another key: their connections must close
   * @param changed apps still served whose settings changed: their connections take the new ones
   * @param added apps that were not served before
   */
  public record Changes(List<App> gone, List<App> changed, List<App> added) {}

  /**
   * @throws IllegalArgumentException when two apps share an id or a key
   */
  public ReloadableApps(List<App> apps) {
    this.current = new StaticAppRegistry(apps);
  }

  /**
   * Serves {@code apps} from now on and says what changed.
   *
   * @throws IllegalArgumentException when two apps share an id or a key (nothing changes then)
   */
  public synchronized Changes replace(List<App> apps) {
    StaticAppRegistry next = new StaticAppRegistry(apps);
    StaticAppRegistry before = current;
    List<App> gone = new ArrayList<>();
    List<App> changed = new ArrayList<>();
    List<App> added = new ArrayList<>();
    for (App old : before.all()) {
      App now = next.findById(old.id()).orElse(null);
      if (now == null || !now.enabled() || !now.key().equals(old.key())) {
        if (old.enabled()) {
          gone.add(old);
        }
      } else if (!now.equals(old)) {
        changed.add(now);
      }
    }
    for (App app : next.all()) {
      if (before.findById(app.id()).isEmpty()) {
        added.add(app);
      }
    }
    current = next;
    return new Changes(List.copyOf(gone), List.copyOf(changed), List.copyOf(added));
  }

  @Override
  public Optional<App> findById(String id) {
    return current.findById(id);
  }

  @Override
  public Optional<App> findByKey(String key) {
    return current.findByKey(key);
  }

  @Override
  public Collection<App> all() {
    return current.all();
  }
}
