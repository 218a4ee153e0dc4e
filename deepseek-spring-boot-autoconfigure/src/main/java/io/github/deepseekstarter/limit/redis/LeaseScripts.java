/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.deepseekstarter.limit.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that keep one sorted set of leases per lane: members are
 * {@code <replica>:<n>}, scores the expiry in Redis server time, so the replicas' clocks
 * never matter. Each call is one round trip (two the first time after Redis lost its
 * script cache), bounded by the command timeout.
 * <p>
 * The scripts run on one reactive connection opened once: opening a connection may block,
 * so it never happens on the path of a request.
 */
final class LeaseScripts {

	/** Milliseconds of Redis server time, the only clock the leases use. */
	private static final String NOW = "local t = redis.call('TIME')\n"
			+ "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n";

	/** Lets the lane's key vanish once its last lease has expired. */
	private static final String KEEP_KEY = "if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then "
			+ "redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n";

	// KEYS: lane, grace; ARGV: limit, lease ms, member, replica's permits in use, its
	// share during a grace period. Returns 1 when the lease was taken.
	private static final RedisScript<Long> ACQUIRE = RedisScript
		.of(NOW + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)\n"
				+ "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end\n"
				+ "if redis.call('EXISTS', KEYS[2]) == 1 and tonumber(ARGV[4]) >= tonumber(ARGV[5]) then return 0 end\n"
				+ "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])\n" + KEEP_KEY + "return 1\n",
				Long.class);

	// KEYS: lane; ARGV: member, channel, replica. Returns the number of leases removed.
	private static final RedisScript<Long> RELEASE = RedisScript
		.of("local removed = redis.call('ZREM', KEYS[1], ARGV[1])\n" + "redis.call('PUBLISH', ARGV[2], ARGV[3])\n"
				+ "return removed\n", Long.class);

	// KEYS: lane, grace, marker; ARGV: limit, lease ms, replica, channel, recovering (1
	// or
	// 0), count of leases to renew, those leases, count of leases to adopt, those leases,
	// then leases to remove. A renewed lease that Redis no longer had, or a missing
	// marker
	// after an outage, means Redis lost its leases: a grace period of one lease time then
	// gives every replica the time to restore its own. Returns 1 when the lane has room.
	private static final RedisScript<Long> RENEW = RedisScript.of(
			NOW + "local freed = redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)\n"
					+ "local lost = ARGV[5] == '1' and redis.call('EXISTS', KEYS[3]) == 0\n"
					+ "local expiry = now + tonumber(ARGV[2])\n" + "local i = 7\n"
					+ "local last = 6 + tonumber(ARGV[6])\n" + "while i <= last do\n"
					+ "  if redis.call('ZADD', KEYS[1], expiry, ARGV[i]) == 1 then lost = true end\n" + "  i = i + 1\n"
					+ "end\n" + "local added = last - 6 + tonumber(ARGV[i])\n" + "last = i + tonumber(ARGV[i])\n"
					+ "i = i + 1\n" + "while i <= last do\n" + "  redis.call('ZADD', KEYS[1], expiry, ARGV[i])\n"
					+ "  i = i + 1\n" + "end\n" + "while i <= #ARGV do\n"
					+ "  freed = freed + redis.call('ZREM', KEYS[1], ARGV[i])\n" + "  i = i + 1\n" + "end\n"
					+ "if lost then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end\n"
					+ "redis.call('SET', KEYS[3], '1')\n" + "if added > 0 then " + KEEP_KEY + "end\n"
					+ "if freed > 0 then redis.call('PUBLISH', ARGV[4], ARGV[3]) end\n"
					+ "if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then return 1 end\n" + "return 0\n",
			Long.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private volatile @Nullable ReactiveRedisConnection connection;

	private final String namespace;

	private final String leaseMillis;

	private final Duration timeout;

	LeaseScripts(ReactiveRedisConnectionFactory connectionFactory, RedisPermitsSettings settings) {
		this.connectionFactory = connectionFactory;
		this.namespace = settings.namespace();
		this.leaseMillis = Long.toString(settings.leaseTime().toMillis());
		this.timeout = settings.commandTimeout();
	}

	String key(String lane) {
		return this.namespace + ":lane:" + lane;
	}

	private String grace() {
		return this.namespace + ":grace";
	}

	private String marker() {
		return this.namespace + ":alive";
	}

	String channel(String lane) {
		return this.namespace + ":freed:" + lane;
	}

	String channelPattern() {
		return this.namespace + ":freed:*";
	}

	/**
	 * Returns the lane a channel of {@link #channelPattern()} belongs to.
	 */
	String laneOfChannel(String channel) {
		return channel.substring(this.namespace.length() + ":freed:".length());
	}

	/**
	 * Takes a lease if the lane has room; during a grace period only while the replica
	 * holds less than its share.
	 */
	Mono<Boolean> acquire(String lane, int limit, String member, int inUse, int graceShare) {
		return run(ACQUIRE, List.of(key(lane), grace()), List.of(Integer.toString(limit), this.leaseMillis, member,
				Integer.toString(inUse), Integer.toString(graceShare)))
			.map((granted) -> granted == 1L);
	}

	Mono<Long> release(String lane, String member, String replica) {
		return run(RELEASE, List.of(key(lane)), List.of(member, channel(lane), replica));
	}

	/**
	 * Renews leases, adds leases for permits granted locally, removes orphaned leases.
	 */
	Mono<Boolean> renew(String lane, int limit, String replica, boolean recovering, List<String> renewals,
			List<String> adoptions, List<String> removals) {
		List<String> args = new ArrayList<>(7 + renewals.size() + adoptions.size() + removals.size());
		args.add(Integer.toString(limit));
		args.add(this.leaseMillis);
		args.add(replica);
		args.add(channel(lane));
		args.add(recovering ? "1" : "0");
		args.add(Integer.toString(renewals.size()));
		args.addAll(renewals);
		args.add(Integer.toString(adoptions.size()));
		args.addAll(adoptions);
		args.addAll(removals);
		return run(RENEW, List.of(key(lane), grace(), marker()), args).map((room) -> room == 1L);
	}

	/**
	 * Opens the connection the scripts run on, if it is not open yet; may block, so it is
	 * called only off the event loops.
	 */
	void connect() {
		if (this.connection == null) {
			synchronized (this) {
				if (this.connection == null) {
					this.connection = this.connectionFactory.getReactiveConnection();
				}
			}
		}
	}

	boolean connected() {
		return this.connection != null;
	}

	Mono<Void> close() {
		ReactiveRedisConnection connection = this.connection;
		this.connection = null;
		return (connection != null) ? connection.closeLater() : Mono.empty();
	}

	private Mono<Long> run(RedisScript<Long> script, List<String> keys, List<String> args) {
		ReactiveRedisConnection connection = this.connection;
		if (connection == null) {
			return Mono.error(new IllegalStateException("No connection to Redis has been opened yet"));
		}
		return connection.scriptingCommands()
			.<Long>evalSha(script.getSha1(), ReturnType.INTEGER, keys.size(), keysAndArgs(keys, args))
			.onErrorResume(LeaseScripts::isNoScript, (ex) -> connection.scriptingCommands()
				.eval(encode(script.getScriptAsString()), ReturnType.INTEGER, keys.size(), keysAndArgs(keys, args)))
			.next()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Redis answered a lease script with nothing")))
			.timeout(this.timeout);
	}

	private static ByteBuffer[] keysAndArgs(List<String> keys, List<String> args) {
		ByteBuffer[] buffers = new ByteBuffer[keys.size() + args.size()];
		int i = 0;
		for (String key : keys) {
			buffers[i++] = encode(key);
		}
		for (String arg : args) {
			buffers[i++] = encode(arg);
		}
		return buffers;
	}

	private static ByteBuffer encode(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether Redis lost the script (a restart or SCRIPT FLUSH), so it must be sent
	 * again.
	 */
	private static boolean isNoScript(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

}
