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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekstarter.limit.AccountPermits;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Account permits shared by every replica of an account: each lane's permits are leases
 * in a sorted set in Redis, taken and given back by Lua scripts on the application's
 * reactive connection factory, one round trip each.
 * <p>
 * A heartbeat renews this replica's leases every third of the lease time, so a stopped
 * replica's leases expire after the lease time and come back to the others. A release is
 * published on the lane's channel, so that the other replicas' waiters try again without
 * polling; the heartbeat also tells the lanes when leases expired.
 * <p>
 * When Redis does not answer within the command timeout, new permits follow the
 * {@link OutagePolicy}; the heartbeat keeps probing, and once Redis answers again every
 * lane's live permits (including those granted locally) become leases there and new
 * permits are leases again. {@link #state()} tells which mode is in force.
 */
public final class RedisAccountPermitsFactory implements AccountPermitsFactory, AutoCloseable {

	private final RedisPermitsSettings settings;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final LeaseScripts scripts;

	private final String replicaId = UUID.randomUUID().toString().substring(0, 13);

	private final AtomicLong members = new AtomicLong();

	private final Map<String, RedisLanePermits> lanes = new ConcurrentHashMap<>();

	private final Disposable.Composite resources = Disposables.composite();

	private final Clock clock = Clock.systemUTC();

	private volatile RedisPermitsState state;

	private @Nullable ReactiveRedisMessageListenerContainer listener;

	private boolean started;

	private boolean closed;

	/**
	 * Creates the factory; its heartbeat and subscription start with the first lane.
	 * @param connectionFactory the application's reactive Redis connection factory
	 * @param settings the settings
	 */
	public RedisAccountPermitsFactory(ReactiveRedisConnectionFactory connectionFactory, RedisPermitsSettings settings) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.scripts = new LeaseScripts(connectionFactory, settings);
		this.state = new RedisPermitsState(RedisPermitsState.Mode.REDIS, this.clock.instant(), null);
	}

	@Override
	public AccountPermits create(String lane, int limit, Runnable permitsFreed) {
		RedisLanePermits permits = new RedisLanePermits(this, this.scripts, lane, limit, permitsFreed);
		if (this.lanes.putIfAbsent(lane, permits) != null) {
			throw new IllegalStateException("Lane '" + lane + "' already has permits from this factory");
		}
		start();
		return permits;
	}

	/**
	 * Returns where new permits come from now, and the last Redis failure.
	 * @return the state
	 */
	public RedisPermitsState state() {
		return this.state;
	}

	/**
	 * Returns the identity of this replica in the lease names.
	 * @return the replica id
	 */
	public String replicaId() {
		return this.replicaId;
	}

	/**
	 * Returns the settings this factory runs with.
	 * @return the settings
	 */
	public RedisPermitsSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the Redis key that holds a lane's leases.
	 * @param lane the lane name
	 * @return the key
	 */
	public String leaseKey(String lane) {
		return this.scripts.key(lane);
	}

	/**
	 * Returns the permits this replica holds in a lane: its leases plus the permits it
	 * granted locally during an outage.
	 * @param lane the lane name
	 * @return the permits in use, 0 for an unknown lane
	 */
	public int inUse(String lane) {
		RedisLanePermits permits = this.lanes.get(lane);
		return (permits != null) ? permits.inUse() : 0;
	}

	/**
	 * Stops the heartbeat and the subscription and gives back this replica's leases,
	 * waiting at most the command timeout when called off the event loops.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		this.resources.dispose();
		Mono<Void> releaseAll = Flux.fromIterable(this.lanes.values())
			.flatMap((lane) -> lane.releaseAll().onErrorResume((ex) -> Mono.empty()))
			.then();
		if (Schedulers.isInNonBlockingThread()) {
			releaseAll.subscribe();
		}
		else {
			releaseAll.block(this.settings.commandTimeout().multipliedBy(2));
		}
		this.scripts.close().onErrorResume((ex) -> Mono.empty()).subscribe();
		ReactiveRedisMessageListenerContainer listener = this.listener;
		if (listener != null) {
			listener.destroyLater().onErrorResume((ex) -> Mono.empty()).subscribe();
		}
	}

	RedisPermitsState.Mode mode() {
		return this.state.mode();
	}

	String nextMember() {
		return this.replicaId + ":" + this.members.incrementAndGet();
	}

	/**
	 * Records a Redis failure and, on the first one, applies the outage policy; waiters
	 * are told on another thread, as this may run inside a lane's critical section.
	 */
	void failed(Throwable ex) {
		boolean entered;
		synchronized (this) {
			RedisPermitsState current = this.state;
			entered = current.mode() == RedisPermitsState.Mode.REDIS;
			RedisPermitsState.Mode mode = !entered ? current.mode()
					: (this.settings.outagePolicy() == OutagePolicy.LOCAL_SHARE) ? RedisPermitsState.Mode.FALLBACK_LOCAL
							: RedisPermitsState.Mode.FAIL_CLOSED;
			this.state = new RedisPermitsState(mode, entered ? this.clock.instant() : current.since(), describe(ex));
		}
		if (entered && this.state.mode() == RedisPermitsState.Mode.FALLBACK_LOCAL) {
			notifyAllLanes();
		}
	}

	private synchronized void recovered() {
		if (this.state.mode() != RedisPermitsState.Mode.REDIS) {
			this.state = new RedisPermitsState(RedisPermitsState.Mode.REDIS, this.clock.instant(),
					this.state.lastError());
		}
	}

	private void notifyAllLanes() {
		Schedulers.parallel().schedule(() -> this.lanes.values().forEach(RedisLanePermits::permitsFreed));
	}

	private void start() {
		synchronized (this) {
			if (this.started || this.closed) {
				return;
			}
			this.started = true;
		}
		if (!Schedulers.isInNonBlockingThread()) {
			// Opening the connection now keeps the first request from waiting for it.
			try {
				this.scripts.connect();
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}
		Duration interval = this.settings.heartbeatInterval();
		this.resources.add(
				Flux.interval(interval, interval).onBackpressureDrop().concatMap((tick) -> heartbeat(), 1).subscribe());
		this.resources.add(Mono.fromCallable(this::subscribeToReleases)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((messages) -> messages)
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, interval))
			.subscribe(this::onReleased));
	}

	private Flux<String> subscribeToReleases() {
		ReactiveRedisMessageListenerContainer listener;
		synchronized (this) {
			listener = this.listener;
			if (listener == null) {
				listener = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
				this.listener = listener;
			}
		}
		return listener.receive(new PatternTopic(this.scripts.channelPattern()))
			.filter((message) -> !this.replicaId.equals(message.getMessage()))
			.map((message) -> message.getChannel());
	}

	private void onReleased(String channel) {
		RedisLanePermits lane = this.lanes.get(this.scripts.laneOfChannel(channel));
		if (lane != null && mode() == RedisPermitsState.Mode.REDIS) {
			lane.permitsFreed();
		}
	}

	/**
	 * Renews every lane, one round trip each. While Redis is up, a lane with room is
	 * told, as leases may have expired; once Redis answers after an outage, every lane
	 * is.
	 */
	private Mono<Void> heartbeat() {
		boolean recovering = mode() != RedisPermitsState.Mode.REDIS;
		List<RedisLanePermits> lanes = List.copyOf(this.lanes.values());
		// Opening the connection blocks: keep it off the event loops.
		Mono<Void> connect = this.scripts.connected() ? Mono.empty()
				: Mono.fromRunnable(this.scripts::connect).subscribeOn(Schedulers.boundedElastic()).then();
		return connect.thenMany(Flux.fromIterable(lanes))
			.concatMap((lane) -> lane.renew(recovering).doOnNext((room) -> {
				if (room && !recovering) {
					lane.permitsFreed();
				}
			}))
			.then(Mono.fromRunnable(() -> {
				if (recovering) {
					recovered();
					notifyAllLanes();
				}
			}))
			.onErrorResume((ex) -> {
				failed(ex);
				return Mono.empty();
			})
			.then();
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null && ex.getMessage() == null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
