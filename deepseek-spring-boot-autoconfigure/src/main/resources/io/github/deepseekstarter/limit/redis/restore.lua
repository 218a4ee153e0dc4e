-- Puts back leases that their owner still holds but Redis lost (its data, or leases that
-- expired while Redis was paused), and opens the lane's grace period so that the other
-- replicas have the time to restore theirs before new leases are granted beyond them.
-- KEYS: lane leases, lane grace
-- ARGV: lease ms, grace ms, then the members to restore
-- Returns the number of leases restored.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[1])
local restored = 0
for i = 3, #ARGV do
  restored = restored + redis.call('ZADD', KEYS[1], 'NX', now + lease, ARGV[i])
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
if redis.call('PTTL', KEYS[1]) < lease then
  redis.call('PEXPIRE', KEYS[1], lease)
end
return {restored}
