package dev.herald.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReloadableAppsTest {
  private static final App ONE = App.of("1", "key-1", "secret-1");
  private static final App TWO = App.of("2", "key-2", "secret-2");
  private static final App THREE = App.of("3", "key-3", "secret-3");

  private static App disabled(App app) {
    return new App(app.id(), app.key(), app.secret(), false, true, app.limits());
  }

  @Test
  void saysWhichAppsWentWhichChangedAndWhichAreNew() {
    ReloadableApps apps = new ReloadableApps(List.of(ONE, TWO, THREE));
    App oneWithNewLimits =
        new App("1", "key-1", "secret-1", true, true, AppLimits.DEFAULTS.withAbuseLimits(5, 50, 5));
    App twoWithNewKey = App.of("2", "key-2b", "secret-2");
    App four = App.of("4", "key-4", "secret-4");

    ReloadableApps.Changes changes =
        apps.replace(List.of(oneWithNewLimits, twoWithNewKey, disabled(THREE), four));

    assertThat(changes.changed()).containsExactly(oneWithNewLimits);
    assertThat(changes.gone()).containsExactly(TWO, THREE);
    assertThat(changes.added()).containsExactly(four);
    assertThat(apps.findByKey("key-2")).isEmpty();
    assertThat(apps.findByKey("key-2b")).contains(twoWithNewKey);
    assertThat(apps.findById("1")).contains(oneWithNewLimits);
  }

  @Test
  void anUnchangedAppIsNeitherChangedNorGoneAndARemovedOneIsGone() {
    ReloadableApps apps = new ReloadableApps(List.of(ONE, TWO));

    ReloadableApps.Changes changes = apps.replace(List.of(ONE));

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.gone()).containsExactly(TWO);
    assertThat(apps.all()).containsExactly(ONE);
  }

  @Test
  void anAppThatWasAlreadyDisabledHasNoConnectionsToClose() {
    ReloadableApps apps = new ReloadableApps(List.of(disabled(ONE)));

    assertThat(apps.replace(List.of()).gone()).isEmpty();
  }

  @Test
  void refusesAppsThatShareAKeyAndKeepsServingTheOldOnes() {
    ReloadableApps apps = new ReloadableApps(List.of(ONE));

    assertThatThrownBy(() -> apps.replace(List.of(TWO, App.of("5", "key-2", "s"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two apps have the key 'key-2'");
    assertThat(apps.all()).containsExactly(ONE);
  }
}
