-- Stores the limit of a lane that every replica's next lease obeys, and tells the other
-- replicas, whose lanes adopt it and whose waiters may now have room.
-- KEYS: lane limit
-- ARGV: limit, keep ms, channel, message (the replica and the limit)
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return {1}
