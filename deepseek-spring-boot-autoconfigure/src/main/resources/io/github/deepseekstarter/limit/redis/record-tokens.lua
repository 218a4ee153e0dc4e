-- Counts a call's tokens against a tenant's hourly and daily budgets in one round trip.
-- KEYS: the hour's counter, the day's counter (one hash slot: the tenant is the hash tag).
-- ARGV: tokens, seconds the hour's counter lives, seconds the day's counter lives.
-- Returns the tokens used this hour and today, this call's included.
local hourly = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
local daily = redis.call('INCRBY', KEYS[2], ARGV[1])
if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
return { hourly, daily }
