package dev.herald.server.api;

import dev.herald.server.app.ReloadableApps;
import dev.herald.server.console.ConsoleAccess;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * What the debug console ({@code /console}) needs from the server beyond the API's own parts: who
 * may use it, and this node's live counts per app id.
 *
 * @param access who may use it, and whether it is on at all
 * @param connections open WebSocket connections per app on this node
 * @param received messages received from the app's clients on this node so far
 * @param delivered channel messages delivered to the app's clients on this node so far
 * @param reload reloads the configuration ({@code POST /console/api/reload}, {@code herald
 *     reload}); blocks; throws {@link IllegalStateException} when there is nothing to reload from
 *     or the apps database cannot be read, any other {@link RuntimeException} (with a message that
 *     never holds a secret) when the configuration does not load
 */
public record DebugConsole(
    ConsoleAccess access,
    ToIntFunction<String> connections,
    ToLongFunction<String> received,
    ToLongFunction<String> delivered,
    Supplier<ReloadableApps.Changes> reload) {}
