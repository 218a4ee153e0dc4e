-- The heartbeat of one replica in one lane. It extends the replica's leases that still
-- exist and never recreates one: a lease missing here was released after the heartbeat
-- was assembled, or lost with Redis' data, and only its owner can tell which. It turns
-- permits granted locally during an outage into leases, removes orphaned leases, writes
-- a limit changed while Redis did not answer, and keeps the lane's keys alive.
-- A missing marker, once the replica has seen it, means Redis lost the lane's data: the
-- lane then refuses new leases beyond each replica's grace share for the grace period,
-- the time every live replica needs to restore its leases.
-- KEYS: lane leases, lane limit, lane grace, lane marker
-- ARGV: limit of the caller, lease ms, replica, channel, marker seen (1 or 0),
--       limit to store (0 for none), grace ms, keep ms, count of leases to renew, those
--       leases, count of leases to adopt, those leases, then leases to remove
-- Returns {room (1 or 0), the lane's limit, then the positions (from 1) of the leases
-- to renew that Redis does not have}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
local keep = tonumber(ARGV[8])
local freed = redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if ARGV[6] ~= '0' then
  redis.call('SET', KEYS[2], ARGV[6], 'PX', keep)
elseif redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('PEXPIRE', KEYS[2], keep)
end
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[4]) == 0 then
  redis.call('SET', KEYS[3], '1', 'PX', ARGV[7])
end
redis.call('SET', KEYS[4], '1', 'PX', keep)
local result = {0, 0}
local expiry = now + lease
local i = 10
local last = 9 + tonumber(ARGV[9])
while i <= last do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    redis.call('ZADD', KEYS[1], expiry, ARGV[i])
  else
    result[#result + 1] = i - 9
  end
  i = i + 1
end
last = i + tonumber(ARGV[i])
i = i + 1
while i <= last do
  redis.call('ZADD', KEYS[1], expiry, ARGV[i])
  i = i + 1
end
while i <= #ARGV do
  freed = freed + redis.call('ZREM', KEYS[1], ARGV[i])
  i = i + 1
end
if redis.call('ZCARD', KEYS[1]) > 0 and redis.call('PTTL', KEYS[1]) < lease then
  redis.call('PEXPIRE', KEYS[1], lease)
end
if freed > 0 then
  redis.call('PUBLISH', ARGV[4], ARGV[3])
end
local limit = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
if redis.call('ZCARD', KEYS[1]) < limit and redis.call('EXISTS', KEYS[3]) == 0 then
  result[1] = 1
end
result[2] = limit
return result
