package dev.herald.spring;

import dev.herald.Broadcaster;

/**
 * Wraps the auto-configured {@link Broadcaster} bean, e.g. with a decorator of the app's own.
 * Customizer beans are applied in their {@link org.springframework.core.annotation.Order} (the
 * Micrometer meters are one, outermost); the result is the bean. Not applied to a {@code
 * Broadcaster} bean the app declares itself.
 */
@FunctionalInterface
public interface HeraldBroadcasterCustomizer {
  /** Returns {@code broadcaster} or a broadcaster that wraps it (and closes it when closed). */
  Broadcaster customize(Broadcaster broadcaster);
}
