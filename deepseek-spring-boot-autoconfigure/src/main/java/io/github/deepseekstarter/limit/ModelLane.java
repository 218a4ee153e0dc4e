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

package io.github.deepseekstarter.limit;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import io.github.deepseekstarter.TenantTerms;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * The permits of one model lane: its account permits, its tenant lanes and its queue. A
 * permit is a {@code Mono<Permit>}, a {@link LaneAcquisition}; the {@link LaneAllocator}
 * decides who takes permits in short critical sections on this object, and waiters are
 * signalled only after leaving them. A free permit goes to the queue before any new
 * arrival; with nobody waiting, an arrival is granted in its subscribing thread without
 * becoming a waiter. The thread whose call freed room hands it to the waiters before that
 * call returns (a body that completes at once loops in that thread instead of recursing),
 * so a call that releases, cancels or raises the limit never leaves its room to another
 * thread's drain.
 */
final class ModelLane {

	private final String name;

	private final AccountGate account;

	private final AdaptiveLimit limit;

	private final LaneAllocator allocator;

	private final LimiterListener listener;

	private final Scheduler timer;

	private final LaneHandOver handOver = new LaneHandOver(this::grantQueued);

	/** Set last in the constructor: the factory may call back before it returns. */
	private volatile boolean built;

	ModelLane(String name, int limit, LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener,
			Scheduler timer) {
		this.name = name;
		AccountPermits accountPermits = permits.create(name, limit, this::permitsFreed);
		this.account = new AccountGate(accountPermits, this::onAccountAnswer);
		this.limit = new AdaptiveLimit(limit, config.decreaseFactor(), config.successesPerIncrease(),
				config.learntLimitTtl());
		this.allocator = new LaneAllocator(this, this.account, this.limit, config);
		this.listener = listener;
		this.timer = timer;
		accountPermits.onLimitObserved(this::limitObserved);
		this.built = true;
	}

	String name() {
		return this.name;
	}

	/**
	 * Grants a permit in the calling thread when nobody waits and everything has room.
	 * @param waited how long the request waited, for the listener
	 * @return the permit, or {@code null} when the request is to wait as a
	 * {@link LaneWaiter}
	 */
	@Nullable LanePermit grantAtOnce(Admission admission, String model, Duration waited) {
		LanePermit permit;
		synchronized (this) {
			permit = this.allocator.grantAtOnce(admission, model);
		}
		if (permit != null) {
			this.listener.onAdmitted(this.name, admission, waited);
		}
		return permit;
	}

	/**
	 * Removes a waiter whose caller cancelled while it waited; a permit claimed for it
	 * but not handed over goes back through {@link LaneWaiter#cancel()}.
	 */
	void cancel(LaneWaiter waiter) {
		if (waiter.cancel() == PermitState.WAITING) {
			remove(waiter);
			this.listener.onAbandoned(this.name, waiter.admission());
		}
	}

	/**
	 * Admits a waiter: grants it when nobody is due first and everything has room, else
	 * queues it (arming its timeout) or refuses it.
	 */
	void admit(LaneWaiter waiter) {
		Duration maxWait = waiter.maxWait();
		boolean mayQueue = maxWait != null && !maxWait.isZero();
		LaneAllocator.Outcome outcome;
		boolean drain;
		synchronized (this) {
			// A free permit goes to the queue first: the arrival waits its turn.
			drain = this.allocator.queueHasTurn();
			outcome = this.allocator.admit(waiter, mayQueue, drain);
		}
		switch (outcome) {
			case GRANTED -> deliver(waiter);
			case QUEUED -> {
				this.listener.onQueued(this.name, waiter.admission());
				waiter.expireAfter(this.timer, () -> remove(waiter),
						() -> rejection(LaneRejectedException.Reason.QUEUE_TIMEOUT, waiter));
			}
			case REFUSED -> refuse(waiter);
			case AWAITING -> {
				// The account's late answer grants or refuses it.
			}
		}
		if (drain) {
			drain();
		}
	}

	/**
	 * Answers a waiter the lane has no room for: empty when it may not wait, else the
	 * rejection of the bound it hit.
	 */
	private void refuse(LaneWaiter waiter) {
		Duration maxWait = waiter.maxWait();
		if (maxWait == null) {
			waiter.noRoom();
		}
		else {
			waiter.reject(() -> rejection(maxWait.isZero() ? LaneRejectedException.Reason.QUEUE_TIMEOUT
					: LaneRejectedException.Reason.QUEUE_FULL, waiter));
		}
	}

	private LaneRejectedException rejection(LaneRejectedException.Reason reason, LaneWaiter waiter) {
		this.listener.onRejected(this.name, waiter.admission(), reason);
		return LaneRejectedException.of(snapshot(), reason);
	}

	/**
	 * Removes a waiter that gave up or expired; it never gets a permit after this.
	 */
	private synchronized void remove(LaneWaiter waiter) {
		this.allocator.remove(waiter);
	}

	void release(LanePermit permit) {
		boolean waiters;
		synchronized (this) {
			waiters = this.allocator.release(permit);
		}
		this.listener.onReleased(this.name, permit.admission());
		if (waiters) {
			drain();
		}
	}

	/**
	 * Lets waiters try the account again after permits were freed elsewhere.
	 */
	private void permitsFreed() {
		if (!this.built) {
			// Nobody can wait on a lane that is not built yet: nothing to tell.
			return;
		}
		synchronized (this) {
			this.account.freed();
		}
		drain();
	}

	private void drain() {
		this.handOver.drain();
	}

	/**
	 * One turn of the hand-over loop: grants in the critical section what the lane has
	 * room for then, and hands it over after leaving it.
	 */
	private void grantQueued() {
		List<LaneWaiter> granted;
		synchronized (this) {
			granted = this.allocator.grant(false);
		}
		granted.forEach(this::deliver);
	}

	/**
	 * Takes the account's late answer: the permit is for the waiter that may not queue
	 * when it still waits and fits, else for the queue.
	 */
	private void onAccountAnswer(boolean granted) {
		LaneWaiter waiter;
		boolean claimed;
		List<LaneWaiter> waiters = List.of();
		synchronized (this) {
			waiter = this.allocator.answered(granted);
			claimed = granted && waiter != null && this.allocator.claimAnswered(waiter);
			if (granted && !claimed) {
				waiters = this.allocator.grant(true);
			}
		}
		waiters.forEach(this::deliver);
		if (claimed) {
			deliver(waiter);
		}
		else if (waiter != null) {
			refuse(waiter);
		}
		drain();
	}

	private void deliver(LaneWaiter waiter) {
		this.listener.onAdmitted(this.name, waiter.admission(), waiter.waited());
		waiter.deliver();
	}

	/**
	 * Learns from a 429 answering a permit held by the tenant. A limit of N named while
	 * the account has fewer than N other requests in flight cannot be the account's: it
	 * is the limit DeepSeek puts on the tenant's {@code user_id}, so only the tenant is
	 * capped.
	 */
	void onServerLimit(OptionalInt limitFromMessage, int generation, TenantLane tenant) {
		changeLimit(() -> {
			if (limitFromMessage.isPresent() && this.allocator.held().inUse() - 1 < limitFromMessage.getAsInt()) {
				tenant.learnCap(limitFromMessage.getAsInt(), this.limit.learntLimitTtlNanos());
				return false;
			}
			return this.limit.onServerLimit(limitFromMessage, generation);
		});
	}

	void onSuccess(int generation) {
		changeLimit(() -> this.limit.onSuccess(generation));
	}

	void setLimit(int limit) {
		changeLimit(() -> this.limit.setConfigured(limit));
	}

	/**
	 * Adopts a limit the account permits observed elsewhere (another replica's change,
	 * stored in Redis) without giving it back to them: it is not this replica's change.
	 */
	private void limitObserved(int observed) {
		changeLimit(() -> this.limit.observe(observed), false);
	}

	/**
	 * Gives the account permits the new effective limit in the critical section that
	 * changed it, so that no admission sees one limit here and another there, then offers
	 * the room to the queue.
	 */
	private void changeLimit(BooleanSupplier change) {
		changeLimit(change, true);
	}

	private void changeLimit(BooleanSupplier change, boolean ownChange) {
		int configured;
		int effective;
		synchronized (this) {
			if (!change.getAsBoolean()) {
				return;
			}
			configured = this.limit.configured();
			effective = this.limit.effective();
			if (ownChange) {
				this.account.changeLimit(effective);
			}
		}
		this.listener.onLimitChanged(this.name, configured, effective);
		drain();
	}

	synchronized LaneSnapshot snapshot() {
		LaneOccupancy held = this.allocator.held();
		return new LaneSnapshot(this.name, this.limit.configured(), this.limit.effective(), held.inUse(),
				held.backgroundInUse(), this.allocator.queued());
	}

	synchronized List<TenantUsage> tenantUsage() {
		return this.allocator.held().usage(this.name);
	}

	/**
	 * Returns the terms of a tenant's latest request, or the default terms.
	 */
	synchronized TenantTerms termsOf(String tenant) {
		TenantLane lane = this.allocator.held().find(tenant);
		return (lane != null) ? lane.terms() : TenantTerms.DEFAULT;
	}

	synchronized int tenantLanes() {
		return this.allocator.held().tenantLanes();
	}

}
