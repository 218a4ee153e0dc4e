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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekstarter.limit.AccountPermits;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
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
 * reactive connection factory, one round trip each. The lane's limit is stored next to
 * its leases, so that a limit changed on one replica binds every replica's next lease.
 * <p>
 * A heartbeat renews this replica's leases every third of the lease time, so a stopped
 * replica's leases expire after the lease time and come back to the others. A release is
 * published on the lane's channel, so that the other replicas' waiters try again without
 * polling; the heartbeat also tells the lanes when leases expired.
 * <p>
 * Every Redis command passes a circuit breaker ({@link RedisCircuitBreaker}): one slow
 * reply only makes its waiter try again, while a run of failures opens the breaker and
 * new permits follow the {@link OutagePolicy}. The open breaker half-opens after one
 * command timeout and probes Redis with a heartbeat at once; when it answers, every
 * lane's live permits (including those granted locally) become leases there, the breaker
 * closes and new permits are leases again. {@link #state()} tells which mode is in force.
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

	private final CircuitBreaker breaker;

	private final AtomicBoolean beating = new AtomicBoolean();

	private volatile Instant since;

	private volatile @Nullable String lastError;

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
		this.since = this.clock.instant();
		this.breaker = RedisCircuitBreaker.create("deepseek-redis-" + this.replicaId, settings);
		this.breaker.getEventPublisher().onStateTransition(this::transitioned);
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
	 * Returns where new permits come from now, the circuit breaker's state and the last
	 * Redis failure.
	 * @return the state
	 */
	public RedisPermitsState state() {
		return new RedisPermitsState(mode(), this.since, this.lastError, this.breaker.getState().name());
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
	 * Returns the Redis key that holds a lane's shared limit.
	 * @param lane the lane name
	 * @return the key
	 */
	public String limitKey(String lane) {
		return this.scripts.limitKey(lane);
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
	 * Returns a lane's limit stored in Redis, as Redis last answered it to this replica:
	 * every acquisition reads it in its own round trip, so this view is at most one
	 * acquisition or one heartbeat old.
	 * @param lane the lane name
	 * @return the shared limit, empty before Redis first answered for the lane
	 */
	public OptionalInt sharedLimit(String lane) {
		RedisLanePermits permits = this.lanes.get(lane);
		int limit = (permits != null) ? permits.sharedLimit() : 0;
		return (limit > 0) ? OptionalInt.of(limit) : OptionalInt.empty();
	}

	/**
	 * Returns every lane's limit stored in Redis, as Redis last answered it to this
	 * replica, for the lanes it has answered for.
	 * @return the shared limits by lane
	 */
	public Map<String, Integer> sharedLimits() {
		Map<String, Integer> limits = new TreeMap<>();
		this.lanes.forEach((name, lane) -> {
			if (lane.sharedLimit() > 0) {
				limits.put(name, lane.sharedLimit());
			}
		});
		return limits;
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
		if (this.breaker.getState() == CircuitBreaker.State.CLOSED) {
			return RedisPermitsState.Mode.REDIS;
		}
		return (this.settings.outagePolicy() == OutagePolicy.LOCAL_SHARE) ? RedisPermitsState.Mode.FALLBACK_LOCAL
				: RedisPermitsState.Mode.FAIL_CLOSED;
	}

	String nextMember() {
		return this.replicaId + ":" + this.members.incrementAndGet();
	}

	/**
	 * Runs one Redis command through the circuit breaker, recording its failure.
	 */
	<T> Mono<T> guarded(Mono<T> command) {
		return command.transformDeferred(CircuitBreakerOperator.of(this.breaker)).doOnError(this::failed);
	}

	/**
	 * Tells a lane's waiters to try again after a delay.
	 */
	void notifyLater(RedisLanePermits lane, Duration delay) {
		Schedulers.parallel().schedule(lane::permitsFreed, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Renews a lane now, out of the heartbeat's turn: Redis lost its data and this
	 * replica's leases must be put back.
	 */
	void renewSoon(RedisLanePermits lane) {
		guarded(lane.renew()).subscribe(null, (ex) -> {
		});
	}

	private void failed(Throwable ex) {
		if (!(ex instanceof CallNotPermittedException)) {
			this.lastError = describe(ex);
		}
	}

	/**
	 * Follows the breaker: an open breaker applies the outage policy; a half-open one is
	 * probed at once with a heartbeat; a closed one hands out leases again, and every
	 * lane's waiters are told. Waiters are told on another thread, as this may run inside
	 * a lane's critical section.
	 */
	private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
		if (event.getStateTransition().getFromState() == CircuitBreaker.State.CLOSED
				|| event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
			this.since = this.clock.instant();
		}
		switch (event.getStateTransition().getToState()) {
			case CLOSED -> notifyAllLanes();
			case OPEN -> {
				if (this.settings.outagePolicy() == OutagePolicy.LOCAL_SHARE) {
					notifyAllLanes();
				}
			}
			case HALF_OPEN -> Schedulers.parallel().schedule(() -> heartbeat().subscribe());
			default -> {
			}
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
				this.breaker.transitionToOpenState();
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

	private Flux<Map.Entry<String, String>> subscribeToReleases() {
		ReactiveRedisMessageListenerContainer listener;
		synchronized (this) {
			listener = this.listener;
			if (listener == null) {
				listener = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
				this.listener = listener;
			}
		}
		return listener.receive(new PatternTopic(this.scripts.channelPattern()))
			.filter((message) -> !this.replicaId.equals(LeaseScripts.sender(message.getMessage())))
			.map((message) -> Map.entry(message.getChannel(), message.getMessage()))
			// Waiters told here send commands: not from Lettuce's event loop.
			.publishOn(Schedulers.parallel());
	}

	/**
	 * Takes a message of a lane's channel: another replica released leases or changed the
	 * lane's limit, which the lane adopts at once.
	 */
	private void onReleased(Map.Entry<String, String> message) {
		RedisLanePermits lane = this.lanes.get(this.scripts.laneOfChannel(message.getKey()));
		if (lane != null && mode() == RedisPermitsState.Mode.REDIS) {
			int limit = LeaseScripts.announcedLimit(message.getValue());
			if (limit > 0) {
				lane.announced(limit);
			}
			lane.permitsFreed();
		}
	}

	/**
	 * Renews every lane, one round trip each, as one call through the breaker: while it
	 * is closed, a lane with room is told, as leases may have expired; while it is
	 * half-open this is the probe, whose success closes it. Nothing is sent while it is
	 * open, and one heartbeat runs at a time.
	 */
	private Mono<Void> heartbeat() {
		if (this.breaker.getState() == CircuitBreaker.State.OPEN || !this.beating.compareAndSet(false, true)) {
			return Mono.empty();
		}
		boolean closed = this.breaker.getState() == CircuitBreaker.State.CLOSED;
		List<RedisLanePermits> lanes = List.copyOf(this.lanes.values());
		// Opening the connection blocks: keep it off the event loops.
		Mono<Void> connect = this.scripts.connected() ? Mono.empty()
				: Mono.fromRunnable(this.scripts::connect).subscribeOn(Schedulers.boundedElastic()).then();
		Mono<List<RedisLanePermits>> withRoom = connect.thenMany(Flux.fromIterable(lanes))
			.concatMap((lane) -> lane.renew().filter((room) -> room).map((room) -> lane))
			.collectList();
		return guarded(withRoom).doOnNext((roomy) -> {
			if (closed) {
				roomy.forEach(RedisLanePermits::permitsFreed);
			}
		}).onErrorResume((ex) -> Mono.empty()).doFinally((signal) -> this.beating.set(false)).then();
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null && ex.getMessage() == null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
