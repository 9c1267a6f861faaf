package dev.herald.server.api;

import dev.herald.server.console.ConsoleAccess;
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
 */
public record DebugConsole(
    ConsoleAccess access,
    ToIntFunction<String> connections,
    ToLongFunction<String> received,
    ToLongFunction<String> delivered) {}
