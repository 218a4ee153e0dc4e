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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekstarter.limit.AccountPermits;
import reactor.core.publisher.Mono;

/**
 * The account permits of one lane of one replica: leases in Redis while it answers, the
 * outage policy while it does not.
 * <p>
 * The replica's permits in use are its leases plus the permits it granted locally during
 * an outage. A release gives back a local permit first, so that the leases in Redis catch
 * up with the replica's real use as soon as possible. Leases whose removal failed are
 * remembered and removed by the next successful renewal.
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

	private volatile int limit;

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
		return this.scripts.acquire(this.lane, limit, member, inUse(), graceShare).map((granted) -> {
			if (granted) {
				synchronized (this) {
					this.leases.addLast(member);
				}
			}
			return granted;
		}).onErrorResume((ex) -> {
			synchronized (this) {
				// The script may have run although its answer was lost.
				this.orphans.add(member);
			}
			this.factory.failed(ex);
			return Mono.just(this.factory.mode() == RedisPermitsState.Mode.FALLBACK_LOCAL && acquireLocal());
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
		String member;
		synchronized (this) {
			if (this.local > 0) {
				this.local--;
				return;
			}
			member = this.leases.pollFirst();
			if (member == null) {
				return;
			}
			if (this.factory.mode() != RedisPermitsState.Mode.REDIS) {
				this.orphans.add(member);
				return;
			}
		}
		this.scripts.release(this.lane, member, this.factory.replicaId()).subscribe(null, (ex) -> {
			synchronized (this) {
				this.orphans.add(member);
			}
			this.factory.failed(ex);
		});
	}

	@Override
	public void changeLimit(int limit) {
		this.limit = limit;
	}

	/**
	 * Renews this replica's leases, turns permits granted locally during an outage into
	 * leases, and removes orphaned leases: one round trip.
	 * @param recovering whether Redis did not answer before
	 * @return whether the lane has room in Redis
	 */
	Mono<Boolean> renew(boolean recovering) {
		List<String> renewals;
		List<String> adoptions = new ArrayList<>();
		List<String> removals;
		synchronized (this) {
			renewals = List.copyOf(this.leases);
			for (; this.local > 0; this.local--) {
				String member = this.factory.nextMember();
				adoptions.add(member);
				this.leases.addLast(member);
			}
			removals = List.copyOf(this.orphans);
			this.orphans.clear();
		}
		return this.scripts
			.renew(this.lane, this.limit, this.factory.replicaId(), recovering, renewals, adoptions, removals)
			.doOnError((ex) -> {
				synchronized (this) {
					this.orphans.addAll(removals);
				}
			});
	}

	/**
	 * Gives back every lease of this replica, when it stops.
	 */
	Mono<Boolean> releaseAll() {
		List<String> removals;
		synchronized (this) {
			removals = new ArrayList<>(this.leases);
			removals.addAll(this.orphans);
			this.leases.clear();
			this.orphans.clear();
			this.local = 0;
		}
		return this.scripts.renew(this.lane, this.limit, this.factory.replicaId(), false, List.of(), List.of(),
				removals);
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

}
