-- A node's heartbeat, on Redis's clock (so nodes' clocks may differ).
-- KEYS[1] the nodes sorted set (node id -> last heartbeat, ms), KEYS[2] the node's tombstone key
-- ARGV[1] the node id, ARGV[2] the node timeout in ms
-- Answers {known, reaped, dead node ids}: known = 0 when this node was not in the set (first beat,
-- Redis lost its data, or the node was taken for dead); reaped = 1 when others removed it as dead.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local known = redis.call('ZSCORE', KEYS[1], ARGV[1])
local reaped = redis.call('EXISTS', KEYS[2])
redis.call('DEL', KEYS[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
return {known and 1 or 0, reaped, dead}
