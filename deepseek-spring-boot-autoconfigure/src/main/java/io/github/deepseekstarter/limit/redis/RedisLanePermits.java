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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import io.github.deepseekstarter.limit.AccountPermits;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * The account permits of one lane of one replica: leases in Redis while it answers, the
 * outage policy while it does not.
 * <p>
 * Only this replica creates or removes its leases: a renewal extends the leases Redis
 * still has and reports the others, which are put back only if a request still holds
 * them, so a release that overtakes a heartbeat never leaves a lease behind. The lane's
 * limit is stored in Redis next to its leases: a change here ({@link #changeLimit}) is
 * written there, and every replica's next lease obeys it.
 * <p>
 * The replica's permits in use are its leases plus the permits it granted locally during
 * an outage. A release gives back a local permit first, so that the leases in Redis catch
 * up with the replica's real use as soon as possible. Leases whose removal failed, or
 * whose acquisition got no answer, are remembered and removed by the next release or
 * renewal that succeeds.
 */
final class RedisLanePermits implements AccountPermits {

	private static final Mono<Boolean> GRANTED = Mono.just(Boolean.TRUE);

	private static final Mono<Boolean> REFUSED = Mono.just(Boolean.FALSE);

	private final RedisAccountPermitsFactory factory;

	private final LeaseScripts scripts;

	private final String lane;

	private final Runnable permitsFreed;

	/** Leases this replica holds in Redis, oldest first. */
	private final ArrayDeque<String> leases = new ArrayDeque<>();

	/** Leases that may still be in Redis although no request holds them. */
	private final List<String> orphans = new ArrayList<>();

	private int local;

	/** A limit changed here that Redis has not stored yet, 0 for none. */
	private int unstoredLimit;

	/** Whether a script of this lane has succeeded, so the lane's marker exists. */
	private volatile boolean markerSeen;

	private volatile int limit;

	/** The lane's limit in Redis as last answered, 0 before the first answer. */
	private volatile int sharedLimit;

	/** The shared limit last told to the lane, 0 when the lane changed its own since. */
	private int reportedLimit;

	private volatile IntConsumer limitObserved = (limit) -> {
	};

	RedisLanePermits(RedisAccountPermitsFactory factory, LeaseScripts scripts, String lane, int limit,
			Runnable permitsFreed) {
		this.factory = factory;
		this.scripts = scripts;
		this.lane = lane;
		this.limit = limit;
		this.permitsFreed = permitsFreed;
	}

	String lane() {
		return this.lane;
	}

	@Override
	public Mono<Boolean> tryAcquire() {
		return switch (this.factory.mode()) {
			case REDIS -> Mono.defer(this::acquireLease);
			case FALLBACK_LOCAL -> acquireLocal() ? GRANTED : REFUSED;
			case FAIL_CLOSED -> REFUSED;
		};
	}

	private Mono<Boolean> acquireLease() {
		String member = this.factory.nextMember();
		int limit = this.limit;
		int graceShare = (this.factory.settings().outagePolicy() == OutagePolicy.LOCAL_SHARE)
				? this.factory.settings().localShare(limit) : 0;
		return this.factory
			.guarded(this.scripts.acquire(this.lane, limit, member, inUse(), graceShare, this.markerSeen))
			.map((answer) -> {
				this.markerSeen = true;
				if (answer.granted()) {
					synchronized (this) {
						this.leases.addLast(member);
					}
				}
				else if (answer.graceMillis() > 0) {
					// The lane's data was lost: restore this replica's leases now, and
					// try again when the grace period ends.
					this.factory.renewSoon(this);
					this.factory.notifyLater(this, Duration.ofMillis(answer.graceMillis()));
				}
				observed(answer.limit());
				return answer.granted();
			})
			.onErrorResume((ex) -> {
				if (!(ex instanceof CallNotPermittedException)) {
					synchronized (this) {
						// The script may have run although its answer was lost.
						this.orphans.add(member);
					}
				}
				RedisPermitsState.Mode mode = this.factory.mode();
				if (mode == RedisPermitsState.Mode.FALLBACK_LOCAL) {
					return Mono.just(acquireLocal());
				}
				if (mode == RedisPermitsState.Mode.REDIS) {
					// One failure is not an outage: the waiters try again shortly.
					this.factory.notifyLater(this, this.factory.settings().commandTimeout());
				}
				return REFUSED;
			});
	}

	private synchronized boolean acquireLocal() {
		if (this.leases.size() + this.local < this.factory.settings().localShare(this.limit)) {
			this.local++;
			return true;
		}
		return false;
	}

	@Override
	public void release() {
		List<String> removals;
		synchronized (this) {
			if (this.local > 0) {
				this.local--;
				return;
			}
			String member = this.leases.pollFirst();
			if (member == null) {
				return;
			}
			this.orphans.add(member);
			if (this.factory.mode() != RedisPermitsState.Mode.REDIS) {
				return;
			}
			removals = List.copyOf(this.orphans);
			this.orphans.clear();
		}
		this.factory.guarded(this.scripts.release(this.lane, this.factory.replicaId(), removals))
			.subscribe(null, (ex) -> {
				synchronized (this) {
					this.orphans.addAll(removals);
				}
			});
	}

	/**
	 * Changes this replica's limit of the lane and stores it in Redis, where every
	 * replica's next lease obeys it; while Redis does not answer, the next renewal that
	 * succeeds stores it.
	 */
	@Override
	public void changeLimit(int limit) {
		synchronized (this) {
			this.limit = limit;
			this.unstoredLimit = limit;
			this.reportedLimit = 0;
		}
		if (this.factory.mode() != RedisPermitsState.Mode.REDIS) {
			return;
		}
		this.factory.guarded(this.scripts.storeLimit(this.lane, limit, this.factory.replicaId()))
			.subscribe(null, (ex) -> {
			}, () -> limitStored(limit));
	}

	@Override
	public void onLimitObserved(IntConsumer listener) {
		this.limitObserved = listener;
	}

	/**
	 * Takes the lane's limit from a Redis answer and tells the lane when it is new to it,
	 * so that its effective limit follows the shared one within one acquisition or one
	 * heartbeat. An answer is not told while a change of this replica is not stored yet,
	 * as it may predate that change; the lane adopts what it is told without storing it
	 * again.
	 */
	private void observed(int shared) {
		this.sharedLimit = shared;
		synchronized (this) {
			if (this.unstoredLimit != 0 || shared == this.reportedLimit) {
				return;
			}
			this.reportedLimit = shared;
			this.limit = shared;
		}
		this.limitObserved.accept(shared);
	}

	/**
	 * Takes a limit another replica stored and announced on the lane's channel.
	 */
	void announced(int limit) {
		observed(limit);
	}

	private synchronized void limitStored(int limit) {
		this.sharedLimit = limit;
		if (this.unstoredLimit == limit) {
			this.unstoredLimit = 0;
		}
	}

	/**
	 * Renews this replica's leases, turns permits granted locally during an outage into
	 * leases, removes orphaned leases and stores a limit changed during an outage: one
	 * round trip, and one more to put back leases that Redis lost while a request still
	 * holds them (which opens the lane's grace period). The leases to renew are the ones
	 * held when this method is called.
	 * @return whether the lane has room in Redis
	 */
	Mono<Boolean> renew() {
		List<String> renewals;
		List<String> adoptions = new ArrayList<>();
		List<String> removals;
		int storeLimit;
		synchronized (this) {
			renewals = List.copyOf(this.leases);
			for (; this.local > 0; this.local--) {
				String member = this.factory.nextMember();
				adoptions.add(member);
				this.leases.addLast(member);
			}
			removals = List.copyOf(this.orphans);
			this.orphans.clear();
			storeLimit = this.unstoredLimit;
		}
		return this.scripts
			.renew(this.lane, this.limit, this.factory.replicaId(), this.markerSeen, storeLimit, renewals, adoptions,
					removals)
			.flatMap((renewed) -> {
				this.markerSeen = true;
				if (storeLimit != 0) {
					limitStored(storeLimit);
				}
				observed(renewed.limit());
				List<String> lost = stillHeld(renewed.missing());
				if (lost.isEmpty()) {
					return Mono.just(renewed.room());
				}
				return this.scripts.restore(this.lane, lost).map((restored) -> {
					synchronized (this) {
						// A lease released while it was put back goes at the next
						// release.
						for (String member : lost) {
							if (!this.leases.contains(member)) {
								this.orphans.add(member);
							}
						}
					}
					return false;
				});
			})
			.doOnError((ex) -> {
				synchronized (this) {
					this.orphans.addAll(removals);
					// Permits not adopted stay local, so they are not taken for lost
					// leases.
					for (String member : adoptions) {
						if (this.leases.remove(member)) {
							this.local++;
						}
					}
				}
			});
	}

	private synchronized List<String> stillHeld(List<String> missing) {
		List<String> held = new ArrayList<>(missing.size());
		for (String member : missing) {
			if (this.leases.contains(member)) {
				held.add(member);
			}
		}
		return held;
	}

	/**
	 * Gives back every lease of this replica, when it stops.
	 */
	Mono<Long> releaseAll() {
		List<String> removals;
		synchronized (this) {
			removals = new ArrayList<>(this.leases);
			removals.addAll(this.orphans);
			this.leases.clear();
			this.orphans.clear();
			this.local = 0;
		}
		return removals.isEmpty() ? Mono.just(0L) : this.scripts.release(this.lane, this.factory.replicaId(), removals);
	}

	void permitsFreed() {
		this.permitsFreed.run();
	}

	/**
	 * Returns the permits this replica holds in the lane: leases plus local permits.
	 */
	synchronized int inUse() {
		return this.leases.size() + this.local;
	}

	/**
	 * Returns the lane's limit in Redis as Redis last answered it to this replica, 0
	 * before its first answer.
	 */
	int sharedLimit() {
		return this.sharedLimit;
	}

}
