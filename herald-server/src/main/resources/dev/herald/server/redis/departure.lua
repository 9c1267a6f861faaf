-- Whether a departure held for the webhooks' comeback delay must be sent now that the delay is over
-- (see count.lua). Yes when the held-departure key still names this node (it becomes 'none': no
-- departure is held any more), or is gone (nothing to go by: send, as one node would). No when it
-- is 'none' (someone came back, or a newer departure was sent) or names another node (someone came
-- back and left again: that node reports the newer departure).
-- KEYS[1] the held-departure key, ARGV[1] this node's id. Answers 1 to send, 0 to drop.
local holder = redis.call('GET', KEYS[1])
if not holder then
  return 1
end
if holder == ARGV[1] then
  redis.call('SET', KEYS[1], 'none', 'PX', 60000)
  return 1
end
return 0
