-- Removes leases of their owner and tells the other replicas that room was freed.
-- KEYS: lane leases
-- ARGV: channel, replica, then the members to remove
-- Returns the number of leases removed.
local removed = 0
for i = 3, #ARGV do
  removed = removed + redis.call('ZREM', KEYS[1], ARGV[i])
end
if removed > 0 then
  redis.call('PUBLISH', ARGV[1], ARGV[2])
end
return {removed}
