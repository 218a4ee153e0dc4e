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

import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import reactor.core.publisher.Sinks;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One replica of an application in a test: its own Lettuce connection, permits factory
 * and limiter on a Flash lane, and requests the test holds open and ends.
 */
final class Replica implements AutoCloseable {

	static final String LANE = LimiterConfig.FLASH;

	private final ClientResources resources;

	private final LettuceConnectionFactory connectionFactory;

	private final RedisAccountPermitsFactory permits;

	private final DeepSeekLimiter limiter;

	private final Deque<Sinks.Empty<Void>> running = new ConcurrentLinkedDeque<>();

	private final List<Sinks.Empty<Void>> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger admitted = new AtomicInteger();

	/** The lanes of the permits granted, in the order they were granted. */
	private final List<String> lanes = new CopyOnWriteArrayList<>();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	Replica(int port, RedisPermitsSettings settings, int limit, LimiterListener listener) {
		this(port, settings, config(limit), listener);
	}

	Replica(int port, RedisPermitsSettings settings, LimiterConfig config, LimiterListener listener) {
		this(new RedisStandaloneConfiguration("127.0.0.1", port), settings, config, listener);
	}

	Replica(RedisConfiguration redis, RedisPermitsSettings settings, LimiterConfig config, LimiterListener listener) {
		// Reconnect quickly after a restart so that tests of an outage stay short.
		this.resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50))).build();
		this.connectionFactory = new LettuceConnectionFactory(redis,
				LettuceClientConfiguration.builder().clientResources(this.resources).build());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.permits = new RedisAccountPermitsFactory(this.connectionFactory, settings);
		this.limiter = new DeepSeekLimiter(config, this.permits, listener);
	}

	Replica(int port, RedisPermitsSettings settings, int limit) {
		this(port, settings, limit, LimiterListener.NONE);
	}

	static LimiterConfig config(int limit) {
		return LimiterConfig.builder()
			.clearModels()
			.modelLimit(LANE, limit)
			.maxQueueSize(10_000)
			.maxWait(Duration.ofSeconds(30))
			.build();
	}

	static RedisPermitsSettings settings(Duration leaseTime, OutagePolicy policy, int replicas) {
		return new RedisPermitsSettings("test:deepseek", leaseTime, Duration.ofMillis(250), policy, replicas);
	}

	DeepSeekLimiter limiter() {
		return this.limiter;
	}

	RedisAccountPermitsFactory permits() {
		return this.permits;
	}

	/**
	 * Starts requests on the lane that hold their permit until {@link #complete(int)}.
	 */
	void hold(int count) {
		hold(Admission.of(LANE), count);
	}

	/**
	 * Starts requests for an admission that hold their permit until
	 * {@link #complete(int)}.
	 */
	void hold(Admission admission, int count) {
		for (int i = 0; i < count; i++) {
			Sinks.Empty<Void> end = Sinks.empty();
			this.requests.add(end);
			this.limiter.withPermit(admission, (permit) -> {
				this.admitted.incrementAndGet();
				this.lanes.add(permit.lane());
				this.running.add(end);
				return end.asMono();
			}).subscribe(null, (ex) -> this.failed.incrementAndGet(), this.completed::incrementAndGet);
		}
	}

	/**
	 * Ends the oldest requests that hold a permit.
	 */
	void complete(int count) {
		for (int i = 0; i < count; i++) {
			Sinks.Empty<Void> end = this.running.pollFirst();
			if (end == null) {
				throw new IllegalStateException("Only " + i + " requests held a permit");
			}
			end.tryEmitEmpty();
		}
	}

	void completeAll() {
		this.requests.forEach(Sinks.Empty::tryEmitEmpty);
		this.requests.clear();
	}

	int inUse() {
		return inUse(LANE);
	}

	int inUse(String lane) {
		return this.limiter.snapshot(lane).inUse();
	}

	int queued() {
		return queued(LANE);
	}

	int queued(String lane) {
		return this.limiter.snapshot(lane).queued();
	}

	List<String> grantedLanes() {
		return List.copyOf(this.lanes);
	}

	int admitted() {
		return this.admitted.get();
	}

	int completed() {
		return this.completed.get();
	}

	int failed() {
		return this.failed.get();
	}

	String leaseKey() {
		return leaseKey(LANE);
	}

	String leaseKey(String lane) {
		return this.permits.leaseKey(lane);
	}

	/**
	 * Stops the replica as a crash would: its connection goes away and nothing is given
	 * back.
	 */
	void crash() {
		BoundedClose.run("a crashed replica's connection factory", this.connectionFactory::destroy);
	}

	@Override
	public void close() {
		completeAll();
		this.permits.close();
		BoundedClose.run("a replica's connection factory", this.connectionFactory::destroy);
		this.resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
	}

}
