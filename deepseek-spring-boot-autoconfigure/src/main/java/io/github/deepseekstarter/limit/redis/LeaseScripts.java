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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * The Lua scripts that keep one sorted set of leases per lane: members are
 * {@code <replica>:<n>}, scores the expiry in Redis server time, so the replicas' clocks
 * never matter. Next to the leases are the lane's shared limit, its grace period and its
 * marker; every key and channel of a namespace shares one hash tag ({@code {namespace}}),
 * so that each script touches one slot of a Redis Cluster. Each call is one round trip
 * (two the first time after Redis lost its script cache), bounded by the command timeout.
 * <p>
 * The scripts are {@code .lua} resources next to this class, read and digested once: a
 * call reads only final fields, never a lock (Spring Data Redis's
 * {@code DefaultRedisScript} takes one on every call, which parked an event loop when two
 * releases met). They run on one reactive connection opened once: opening a connection
 * may block, so it never happens on the path of a request.
 */
final class LeaseScripts {

	private static final Script ACQUIRE = load("acquire.lua");

	private static final Script RELEASE = load("release.lua");

	private static final Script RENEW = load("renew.lua");

	private static final Script RESTORE = load("restore.lua");

	private static final Script LIMIT = load("limit.lua");

	private final ReactiveRedisConnectionFactory connectionFactory;

	private volatile @Nullable ReactiveRedisConnection connection;

	private final String prefix;

	private final String leaseMillis;

	private final String graceMillis;

	private final String keepMillis;

	private final Duration timeout;

	LeaseScripts(ReactiveRedisConnectionFactory connectionFactory, RedisPermitsSettings settings) {
		this.connectionFactory = connectionFactory;
		this.prefix = "{" + settings.namespace() + "}";
		this.leaseMillis = Long.toString(settings.leaseTime().toMillis());
		this.graceMillis = Long.toString(settings.gracePeriod().toMillis());
		// A lane's limit and marker outlive a few heartbeats that failed.
		this.keepMillis = Long.toString(settings.leaseTime().toMillis() * 3);
		this.timeout = settings.commandTimeout();
	}

	String key(String lane) {
		return this.prefix + ":lane:" + lane;
	}

	String limitKey(String lane) {
		return this.prefix + ":limit:" + lane;
	}

	String graceKey(String lane) {
		return this.prefix + ":grace:" + lane;
	}

	String markerKey(String lane) {
		return this.prefix + ":alive:" + lane;
	}

	String channel(String lane) {
		return this.prefix + ":freed:" + lane;
	}

	String channelPattern() {
		return this.prefix + ":freed:*";
	}

	/**
	 * Returns the lane a channel of {@link #channelPattern()} belongs to.
	 */
	String laneOfChannel(String channel) {
		return channel.substring(this.prefix.length() + ":freed:".length());
	}

	/**
	 * Takes a lease if the lane has room under its shared limit (or the caller's, when
	 * the lane has none); during a grace period only while the replica holds less than
	 * its share.
	 */
	Mono<Acquired> acquire(String lane, int limit, String member, int inUse, int graceShare, boolean markerSeen) {
		return run(ACQUIRE, List.of(key(lane), limitKey(lane), graceKey(lane), markerKey(lane)),
				List.of(Integer.toString(limit), this.leaseMillis, member, Integer.toString(inUse),
						Integer.toString(graceShare), markerSeen ? "1" : "0", this.graceMillis, this.keepMillis))
			.map((answer) -> new Acquired(answer.get(0) == 1L, answer.get(1).intValue(), answer.get(2)));
	}

	/**
	 * Removes leases of this replica and, when one was there, tells the other replicas.
	 */
	Mono<Long> release(String lane, String replica, List<String> members) {
		List<String> args = new ArrayList<>(2 + members.size());
		args.add(channel(lane));
		args.add(replica);
		args.addAll(members);
		return run(RELEASE, List.of(key(lane)), args).map((answer) -> answer.get(0));
	}

	/**
	 * Extends the leases of this replica that Redis still has, adds leases for permits
	 * granted locally, removes orphaned leases and stores a limit changed while Redis did
	 * not answer.
	 * @param markerSeen whether this replica has renewed the lane before, so that a
	 * missing marker means Redis lost the lane's data
	 * @param storeLimit the limit to store, 0 for none
	 */
	Mono<Renewed> renew(String lane, int limit, String replica, boolean markerSeen, int storeLimit,
			List<String> renewals, List<String> adoptions, List<String> removals) {
		List<String> args = new ArrayList<>(11 + renewals.size() + adoptions.size() + removals.size());
		args.add(Integer.toString(limit));
		args.add(this.leaseMillis);
		args.add(replica);
		args.add(channel(lane));
		args.add(markerSeen ? "1" : "0");
		args.add(Integer.toString(storeLimit));
		args.add(this.graceMillis);
		args.add(this.keepMillis);
		args.add(Integer.toString(renewals.size()));
		args.addAll(renewals);
		args.add(Integer.toString(adoptions.size()));
		args.addAll(adoptions);
		args.addAll(removals);
		return run(RENEW, List.of(key(lane), limitKey(lane), graceKey(lane), markerKey(lane)), args).map((answer) -> {
			List<String> missing = new ArrayList<>(answer.size() - 2);
			for (int i = 2; i < answer.size(); i++) {
				missing.add(renewals.get(answer.get(i).intValue() - 1));
			}
			return new Renewed(answer.get(0) == 1L, answer.get(1).intValue(), missing);
		});
	}

	/**
	 * Puts back leases this replica holds but Redis lost, and opens the lane's grace
	 * period.
	 */
	Mono<Long> restore(String lane, List<String> members) {
		List<String> args = new ArrayList<>(2 + members.size());
		args.add(this.leaseMillis);
		args.add(this.graceMillis);
		args.addAll(members);
		return run(RESTORE, List.of(key(lane), graceKey(lane)), args).map((answer) -> answer.get(0));
	}

	/**
	 * Stores the lane's limit, which every replica's next lease obeys, and announces it
	 * on the lane's channel as the replica and the limit ({@link #announcedLimit}).
	 */
	Mono<Void> storeLimit(String lane, int limit, String replica) {
		return run(LIMIT, List.of(limitKey(lane)),
				List.of(Integer.toString(limit), this.keepMillis, channel(lane), replica + " " + limit))
			.then();
	}

	/**
	 * Returns the replica that sent a message of a lane's channel.
	 */
	static String sender(String message) {
		int space = message.indexOf(' ');
		return (space < 0) ? message : message.substring(0, space);
	}

	/**
	 * Returns the limit a message of a lane's channel announces, 0 when it announces none
	 * (a release).
	 */
	static int announcedLimit(String message) {
		int space = message.indexOf(' ');
		return (space < 0) ? 0 : Integer.parseInt(message.substring(space + 1));
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

	/**
	 * Runs a script and returns its answer as a list of integers (a script's single
	 * integer is a list of one).
	 */
	private Mono<List<Long>> run(Script script, List<String> keys, List<String> args) {
		ReactiveRedisConnection connection = this.connection;
		if (connection == null) {
			return Mono.error(new IllegalStateException("No connection to Redis has been opened yet"));
		}
		ByteBuffer[] keysAndArgs = keysAndArgs(keys, args);
		return connection.scriptingCommands()
			.<Object>evalSha(script.sha1(), ReturnType.MULTI, keys.size(), keysAndArgs)
			.onErrorResume(LeaseScripts::isNoScript,
					(ex) -> connection.scriptingCommands()
						.eval(script.text(), ReturnType.MULTI, keys.size(), keysAndArgs(keys, args)))
			.collectList()
			.map(LeaseScripts::integers)
			// Lettuce completes commands on its event loop, at times inside its
			// endpoint's exclusive lock (a connection going inactive fails its queued
			// commands there); a continuation that sends the next command from there can
			// wedge the endpoint, so answers go on on the parallel scheduler.
			.publishOn(Schedulers.parallel())
			.timeout(this.timeout);
	}

	private static List<Long> integers(List<Object> answer) {
		List<Long> integers = new ArrayList<>();
		for (Object element : answer) {
			if (element instanceof List<?> list) {
				for (Object nested : list) {
					integers.add(integer(nested));
				}
			}
			else {
				integers.add(integer(element));
			}
		}
		if (integers.isEmpty()) {
			throw new IllegalStateException("Redis answered a lease script with nothing");
		}
		return integers;
	}

	private static Long integer(Object element) {
		if (element instanceof Long value) {
			return value;
		}
		throw new IllegalStateException("Redis answered a lease script with " + element.getClass().getSimpleName());
	}

	private static Script load(String name) {
		try (InputStream in = LeaseScripts.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Lease script " + name + " is missing from the classpath");
			}
			byte[] text = in.readAllBytes();
			return new Script(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text)), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Lease script " + name + " could not be read", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform has SHA-1 (MessageDigest's documentation).
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One script, with the digest {@code EVALSHA} names it by.
	 *
	 * @param sha1 the lowercase hex SHA-1 of the script's bytes
	 * @param bytes the script as UTF-8, never changed after loading
	 */
	private record Script(String sha1, byte[] bytes) {

		/** A fresh buffer over the script, for the one {@code EVAL} that sends it. */
		ByteBuffer text() {
			return ByteBuffer.wrap(this.bytes).asReadOnlyBuffer();
		}

	}

	/**
	 * The answer of the acquire script.
	 *
	 * @param granted whether the lease was taken
	 * @param limit the lane's shared limit
	 * @param graceMillis when a grace period refused the lease, how long it lasts still
	 */
	record Acquired(boolean granted, int limit, long graceMillis) {
	}

	/**
	 * The answer of the renew script.
	 *
	 * @param room whether the lane has room for another lease
	 * @param limit the lane's shared limit
	 * @param missing the leases to renew that Redis did not have
	 */
	record Renewed(boolean room, int limit, List<String> missing) {
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
