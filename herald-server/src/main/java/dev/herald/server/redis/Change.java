package dev.herald.server.redis;

import java.util.Map;

/**
 * What a change of one counter answers (count.lua).
 *
 * @param before the cluster count before, or -1 when the counter was full and nothing changed
 * @param after the cluster count after
 * @param infos the counter family's infos by field (presence members), when asked for
 * @param comeback the counter rose while a departure was held for the webhooks' comeback delay (on
 *     any node): neither is reported
 */
record Change(int before, int after, Map<String, String> infos, boolean comeback) {}
