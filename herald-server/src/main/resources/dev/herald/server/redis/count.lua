-- Changes one cluster-wide counter by this node's delta, keeping the node's share in its ledger so
-- that a node that dies (or a Redis that forgets) can be reconciled later (see sync.lua).
-- KEYS[1] the node's ledger (hash: entry -> this node's count)
-- KEYS[2] the counts hash (field -> cluster count)
-- KEYS[3] the info hash (field -> info, set on the first count, removed with the last); may be KEYS[2]
-- ARGV[1] field, ARGV[2] delta, ARGV[3] info ('' for none), ARGV[4] max distinct fields (0: none),
-- ARGV[5] '1' to answer the info hash too, ARGV[6] kind, ARGV[7] app id, ARGV[8] channel
-- ARGV[9] this node's id to mark departures with for the webhooks' comeback delay ('' for none):
-- when the counter falls to 0 the held-departure key names this node (which holds the departure);
-- when it rises from 0 while a departure is held anywhere, the key becomes 'none' (the holder drops
-- its departure and the arrival is not reported either: a comeback, as on one node).
-- Answers {before, after, info hash as a flat list, comeback}; before = -1 when the counter is full.
local field = ARGV[1]
local entry = cjson.encode({KEYS[2], field, KEYS[3], ARGV[6], ARGV[7], ARGV[8]})
local delta = tonumber(ARGV[2])
local before = tonumber(redis.call('HGET', KEYS[2], field) or '0')
local max = tonumber(ARGV[4])
if delta > 0 and before == 0 and max > 0 and redis.call('HLEN', KEYS[2]) >= max then
  return {-1, 0, {}, 0}
end
local mine = tonumber(redis.call('HGET', KEYS[1], entry) or '0')
if mine + delta < 0 then
  delta = -mine -- never take back more than this node gave
end
local after = before + delta
if after <= 0 then
  after = 0
  redis.call('HDEL', KEYS[2], field)
  if KEYS[3] ~= KEYS[2] then
    redis.call('HDEL', KEYS[3], field)
  end
elseif delta ~= 0 then
  redis.call('HSET', KEYS[2], field, after)
  if before == 0 and KEYS[3] ~= KEYS[2] then
    redis.call('HSET', KEYS[3], field, ARGV[3])
  end
end
if mine + delta <= 0 then
  redis.call('HDEL', KEYS[1], entry)
else
  redis.call('HSET', KEYS[1], entry, mine + delta)
end
local comeback = 0
if ARGV[9] ~= '' then
  local held = KEYS[2] .. ':held:' .. field
  if before == 0 and after > 0 then
    local holder = redis.call('GET', held)
    if holder and holder ~= 'none' then
      redis.call('SET', held, 'none', 'PX', 60000)
      comeback = 1
    end
  elseif before > 0 and after == 0 then
    redis.call('SET', held, ARGV[9], 'PX', 60000)
  end
end
if ARGV[5] == '1' then
  return {before, after, redis.call('HGETALL', KEYS[3]), comeback}
end
return {before, after, {}, comeback}
