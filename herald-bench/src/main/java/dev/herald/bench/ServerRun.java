package dev.herald.bench;

import java.util.List;

/**
 * The fan-out scenario against one server: how the subscribers connected and each step's result.
 * {@code knee} and {@code keptUpTo} are 0 when no step qualifies.
 */
record ServerRun(
    String server,
    int subscribersRequested,
    int subscribed,
    int failedConnections,
    int lostConnections,
    double connectsPerSecond,
    List<StepResult> steps,
    double knee,
    double keptUpTo) {}
