-- Makes a node's share of every counter what the node says it is: after Redis lost its data, after
-- the node was taken for dead, or (with an empty list) to remove a dead node. Atomic, so when
-- several nodes reap the same dead node only the first finds anything to do.
-- KEYS[1] the node's ledger, KEYS[2] the nodes sorted set, KEYS[3] the node's tombstone key
-- ARGV[1] JSON list of [countsKey, field, infoKey, kind, appId, channel, count, info]
-- ARGV[2] the id of a dead node to remove ('' when a live node syncs itself)
-- ARGV[3] the node timeout in ms (a node that beat since it was found dead is left alone)
-- ARGV[4] the calling node's id, to mark departures with as count.lua does ('' for none); the
-- caller announces the changes, so it holds the departures
-- Answers the counters whose zero-ness changed: a flat list of entry, before, after, info, comeback.
if ARGV[2] ~= '' then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  local beat = redis.call('ZSCORE', KEYS[2], ARGV[2])
  if beat and tonumber(beat) > now - tonumber(ARGV[3]) then
    return {}
  end
end
local desired = {}
for _, d in ipairs(cjson.decode(ARGV[1])) do
  local entry = cjson.encode({d[1], d[2], d[3], d[4], d[5], d[6]})
  desired[entry] = {tonumber(d[7]), d[8]}
end
local changed = {}
local function apply(entry, delta, info)
  local e = cjson.decode(entry)
  local counts, field, infos = e[1], e[2], e[3]
  local before = tonumber(redis.call('HGET', counts, field) or '0')
  local after = before + delta
  if after <= 0 then
    after = 0
    redis.call('HDEL', counts, field)
    if infos ~= counts then
      redis.call('HDEL', infos, field)
    end
  else
    redis.call('HSET', counts, field, after)
    if before == 0 and infos ~= counts then
      redis.call('HSET', infos, field, info or '')
    end
  end
  if (before == 0) ~= (after == 0) then
    local current = ''
    if infos ~= counts then
      current = info or redis.call('HGET', infos, field) or ''
    end
    local comeback = 0
    if ARGV[4] ~= '' and e[4] ~= 'ONLINE' then
      local held = counts .. ':held:' .. field
      if after > 0 then
        local holder = redis.call('GET', held)
        if holder and holder ~= 'none' then
          redis.call('SET', held, 'none', 'PX', 60000)
          comeback = 1
        end
      else
        redis.call('SET', held, ARGV[4], 'PX', 60000)
      end
    end
    table.insert(changed, entry)
    table.insert(changed, before)
    table.insert(changed, after)
    table.insert(changed, current)
    table.insert(changed, comeback)
  end
end
local ledger = redis.call('HGETALL', KEYS[1])
for i = 1, #ledger, 2 do
  local entry, mine = ledger[i], tonumber(ledger[i + 1])
  local want = desired[entry]
  local count = want and want[1] or 0
  if count ~= mine then
    local e = cjson.decode(entry)
    local info = want and want[2] or nil
    if count < mine and e[3] ~= e[1] then
      info = redis.call('HGET', e[3], e[2])
    end
    apply(entry, count - mine, info)
  end
  desired[entry] = nil
end
redis.call('DEL', KEYS[1])
for entry, want in pairs(desired) do
  if want[1] > 0 then
    apply(entry, want[1], want[2])
  end
end
for _, d in ipairs(cjson.decode(ARGV[1])) do
  if tonumber(d[7]) > 0 then
    redis.call('HSET', KEYS[1], cjson.encode({d[1], d[2], d[3], d[4], d[5], d[6]}), d[7])
  end
end
if ARGV[2] ~= '' then
  redis.call('ZREM', KEYS[2], ARGV[2])
  redis.call('SET', KEYS[3], '1', 'PX', 600000)
end
return changed
