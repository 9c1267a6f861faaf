package dev.herald.server.config;

import static java.util.Objects.requireNonNullElse;

import dev.herald.server.app.AppLimits;

/**
 * An app's {@code limits:} section as written, one component per {@link AppLimits} component of the
 * same name; null components are absent keys.
 */
record LimitsSection(
    Integer maxConnections,
    Integer maxEventPayloadBytes,
    Integer maxEventNameLength,
    Integer maxChannelsPerEvent,
    Integer maxBatchSize,
    Integer maxPresenceMembers,
    Integer maxPresenceUserInfoBytes,
    Integer maxPresenceUserIdLength,
    Integer clientEventsPerSecond,
    Integer maxChannelsPerConnection,
    Integer messagesPerSecond,
    Integer apiRequestsPerSecond) {

  /** The limits, each absent key taken from {@code defaults}. */
  AppLimits over(AppLimits d, Where where) {
    return where.build(
        () ->
            new AppLimits(
                requireNonNullElse(maxConnections, d.maxConnections()),
                requireNonNullElse(maxEventPayloadBytes, d.maxEventPayloadBytes()),
                requireNonNullElse(maxEventNameLength, d.maxEventNameLength()),
                requireNonNullElse(maxChannelsPerEvent, d.maxChannelsPerEvent()),
                requireNonNullElse(maxBatchSize, d.maxBatchSize()),
                requireNonNullElse(maxPresenceMembers, d.maxPresenceMembers()),
                requireNonNullElse(maxPresenceUserInfoBytes, d.maxPresenceUserInfoBytes()),
                requireNonNullElse(maxPresenceUserIdLength, d.maxPresenceUserIdLength()),
                requireNonNullElse(clientEventsPerSecond, d.clientEventsPerSecond()),
                requireNonNullElse(maxChannelsPerConnection, d.maxChannelsPerConnection()),
                requireNonNullElse(messagesPerSecond, d.messagesPerSecond()),
                requireNonNullElse(apiRequestsPerSecond, d.apiRequestsPerSecond())));
  }
}
