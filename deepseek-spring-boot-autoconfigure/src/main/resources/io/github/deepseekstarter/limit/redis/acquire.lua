-- Takes one lease of a lane if the lane has room under its shared limit.
-- A missing marker, once the replica has seen it, means Redis lost the lane's data (a
-- restart without persistence): the leases of the other replicas are unknown until they
-- renew, so the lane's grace period opens.
-- KEYS: lane leases, lane limit, lane grace, lane marker
-- ARGV: limit of the caller (when the lane has no shared limit), lease ms, member,
--       permits the caller's replica holds in the lane, its share during a grace period,
--       marker seen (1 or 0), grace ms, keep ms
-- Returns {granted (1 or 0), the lane's limit, grace ms left when the grace refused}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('EXISTS', KEYS[4]) == 0 then
  if ARGV[6] == '1' then
    redis.call('SET', KEYS[3], '1', 'PX', ARGV[7])
  end
  redis.call('SET', KEYS[4], '1', 'PX', ARGV[8])
end
local limit = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= limit then
  return {0, limit, 0}
end
local grace = redis.call('PTTL', KEYS[3])
if grace > 0 and tonumber(ARGV[4]) >= tonumber(ARGV[5]) then
  return {0, limit, grace}
end
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[3])
if redis.call('PTTL', KEYS[1]) < lease then
  redis.call('PEXPIRE', KEYS[1], lease)
end
return {1, limit, 0}
