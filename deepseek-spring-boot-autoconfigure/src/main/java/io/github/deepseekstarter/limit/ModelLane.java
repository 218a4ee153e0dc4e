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
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.github.deepseekstarter.TenantTerms;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The permits of one model lane: its account permits, its tenant lanes and its queue. A
 * permit is a {@code Mono<Permit>}; state changes happen in short critical sections on
 * this object, and waiters are signalled only after leaving them. The thread whose call
 * freed room hands it to the waiters before that call returns (a body that completes at
 * once loops in that thread instead of recursing), so a call that releases, cancels or
 * raises the limit never leaves its room to another thread's drain. A free permit goes to
 * the queue before any new arrival.
 */
final class ModelLane {

	private final String name;

	private final AccountGate account;

	private final AdaptiveLimit limit;

	private final LaneOccupancy held;

	private final LaneQueue queue;

	private final Predicate<Priority> hasRoom = this::hasRoom;

	private final Predicate<TenantLane> tenantHasRoom;

	private final TierReservations reservations;

	private final LimiterListener listener;

	private final Scheduler timer;

	/** The waiter that may not queue whose account answer is on its way. */
	private @Nullable LaneWaiter answerAwaited;

	/** The drain loop running in the current thread, if any: nested drains join it. */
	private final ThreadLocal<Drain> draining = new ThreadLocal<>();

	ModelLane(String name, int limit, LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener,
			Scheduler timer) {
		this.name = name;
		AccountPermits accountPermits = permits.create(name, limit, this::permitsFreed);
		this.account = new AccountGate(accountPermits, this::onAccountAnswer);
		this.limit = new AdaptiveLimit(limit, config.decreaseFactor(), config.successesPerIncrease(),
				config.learntLimitTtl());
		this.held = new LaneOccupancy(config, name);
		this.tenantHasRoom = this::tenantHasRoom;
		this.queue = new LaneQueue(config.maxQueueSize());
		this.reservations = new TierReservations(config.reservedShares());
		this.listener = listener;
		this.timer = timer;
		accountPermits.onLimitObserved(this::limitObserved);
	}

	String name() {
		return this.name;
	}

	/**
	 * Returns a permit of this lane for a request first attempted at {@code startNanos}.
	 * @param admission what the request asks for
	 * @param model the model the request is sent to
	 * @param startNanos when the request made its first attempt
	 * @param maxWait how long to wait in the queue, counted from {@code startNanos};
	 * {@code null} never queues and completes empty when the lane is busy
	 * @return the permit, granted at once or after waiting
	 */
	Mono<Permit> acquire(Admission admission, String model, long startNanos, @Nullable Duration maxWait) {
		return Mono.create((sink) -> {
			LaneWaiter waiter = new LaneWaiter(admission, model, startNanos, maxWait, sink);
			sink.onCancel(() -> {
				if (waiter.cancel() == PermitState.WAITING) {
					remove(waiter);
					this.listener.onAbandoned(this.name, admission);
				}
			});
			admit(waiter);
		});
	}

	private void admit(LaneWaiter waiter) {
		Duration maxWait = waiter.maxWait();
		boolean mayQueue = maxWait != null && !maxWait.isZero();
		boolean granted = false;
		boolean queued = false;
		boolean awaiting = false;
		boolean drain;
		synchronized (this) {
			TenantLane tenant = tenantOf(waiter);
			// A free permit goes to the queue first: the arrival waits its turn.
			drain = this.account.open() && this.queue.next(this.hasRoom, this.tenantHasRoom) != null;
			if (!drain && waiter.isWaiting() && this.account.open() && hasRoom(waiter.priority())
					&& tenantHasRoom(tenant)) {
				Boolean answer = this.account.tryTake();
				awaiting = (answer == null && !mayQueue);
				if (awaiting) {
					this.answerAwaited = waiter;
				}
				else if (Boolean.TRUE.equals(answer) && !(granted = claim(waiter, tenant))) {
					this.account.release();
				}
			}
			queued = !granted && mayQueue && waiter.isWaiting() && this.queue.offer(tenant, waiter);
			this.held.settled(tenant);
		}
		if (granted) {
			deliver(waiter);
		}
		else if (queued) {
			this.listener.onQueued(this.name, waiter.admission());
			waiter.expireAfter(this.timer, () -> remove(waiter),
					() -> rejection(LaneRejectedException.Reason.QUEUE_TIMEOUT, waiter));
		}
		else if (!awaiting) {
			refuse(waiter);
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
		TenantLane tenant = this.held.find(waiter.tenant());
		if (tenant != null && this.queue.remove(tenant, waiter)) {
			this.held.settled(tenant);
		}
	}

	void release(LanePermit permit) {
		boolean waiters;
		synchronized (this) {
			this.held.giveBack(permit.admission().priority(), permit.tenant());
			this.reservations.returned(permit.reservedTier());
			this.account.release();
			waiters = this.queue.size() > 0;
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
		synchronized (this) {
			this.account.freed();
		}
		drain();
	}

	/**
	 * Hands free permits to waiters in the calling thread, before the call that freed
	 * them returns. A drain nested in a delivery (a body that completes or fails at once
	 * releases its permit while it is handed over) does not recurse into the next grant:
	 * the loop already running in this thread takes another turn. Threads drain
	 * concurrently; each grants in the critical section what the lane has room for then.
	 */
	private void drain() {
		Drain running = this.draining.get();
		if (running != null) {
			running.again = true;
			return;
		}
		Drain drain = new Drain();
		this.draining.set(drain);
		try {
			do {
				drain.again = false;
				List<LaneWaiter> granted;
				synchronized (this) {
					granted = grant(false);
				}
				granted.forEach(this::deliver);
			}
			while (drain.again);
		}
		finally {
			this.draining.remove();
		}
	}

	/**
	 * Takes the account's late answer: the permit is for the waiter that may not queue
	 * when it still waits and fits, else for the queue.
	 */
	private void onAccountAnswer(boolean granted) {
		LaneWaiter waiter;
		boolean claimed = false;
		List<LaneWaiter> waiters = List.of();
		synchronized (this) {
			this.account.answered(granted);
			waiter = this.answerAwaited;
			this.answerAwaited = null;
			if (granted && waiter != null) {
				// The tenant lane may have been evicted while the answer was on its way.
				TenantLane tenant = tenantOf(waiter);
				claimed = hasRoom(waiter.priority()) && tenantHasRoom(tenant) && claim(waiter, tenant);
				this.held.settled(tenant);
			}
			if (granted && !claimed) {
				waiters = grant(true);
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

	/**
	 * Claims waiters while the lane, their tenant and the account have room, tenants in
	 * turn; {@code holding} when an account permit was already taken for the first.
	 */
	private List<LaneWaiter> grant(boolean holding) {
		List<LaneWaiter> granted = List.of();
		TenantLane tenant;
		while ((tenant = this.queue.next(this.hasRoom, this.tenantHasRoom)) != null
				&& (holding || (this.account.open() && Boolean.TRUE.equals(this.account.tryTake())))) {
			TenantLane served = tenant;
			LaneWaiter waiter = this.queue.poll(served, (candidate) -> claim(candidate, served));
			this.held.settled(served);
			holding = (waiter == null);
			if (waiter != null) {
				granted = granted.isEmpty() ? new ArrayList<>(2) : granted;
				granted.add(waiter);
			}
		}
		if (holding) {
			this.account.release();
		}
		return granted;
	}

	/**
	 * Returns the waiter's tenant lane with the terms of the waiter's request.
	 */
	private TenantLane tenantOf(LaneWaiter waiter) {
		TenantLane tenant = this.held.tenant(waiter.tenant());
		TenantTerms terms = waiter.admission().terms();
		tenant.terms(terms, this.reservations.indexOf(terms.tier()));
		return tenant;
	}

	private boolean claim(LaneWaiter waiter, TenantLane tenant) {
		int tier = tenant.reservedTier();
		if (!waiter
			.claim(new LanePermit(this, waiter.admission(), waiter.model(), tenant, tier, this.limit.generation()))) {
			return false;
		}
		this.reservations.taken(tier);
		this.held.take(waiter.priority(), tenant);
		return true;
	}

	private void deliver(LaneWaiter waiter) {
		this.listener.onAdmitted(this.name, waiter.admission(), waiter.waited());
		waiter.deliver();
	}

	private boolean hasRoom(Priority priority) {
		return this.held.hasRoom(priority, this.limit.effective());
	}

	private boolean tenantHasRoom(TenantLane tenant) {
		return this.held.hasRoom(tenant)
				&& this.reservations.hasRoom(tenant.reservedTier(), this.held.inUse(), this.limit.effective());
	}

	/**
	 * Learns from a 429 answering a permit held by the tenant. A limit of N named while
	 * the account has fewer than N other requests in flight cannot be the account's: it
	 * is the limit DeepSeek puts on the tenant's {@code user_id}, so only the tenant is
	 * capped.
	 */
	void onServerLimit(OptionalInt limitFromMessage, int generation, TenantLane tenant) {
		changeLimit(() -> {
			if (limitFromMessage.isPresent() && this.held.inUse() - 1 < limitFromMessage.getAsInt()) {
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
		return new LaneSnapshot(this.name, this.limit.configured(), this.limit.effective(), this.held.inUse(),
				this.held.backgroundInUse(), this.queue.size());
	}

	synchronized List<TenantUsage> tenantUsage() {
		return this.held.usage(this.name);
	}

	/**
	 * Returns the terms of a tenant's latest request, or the default terms.
	 */
	synchronized TenantTerms termsOf(String tenant) {
		TenantLane lane = this.held.find(tenant);
		return (lane != null) ? lane.terms() : TenantTerms.DEFAULT;
	}

	synchronized int tenantLanes() {
		return this.held.tenantLanes();
	}

	/**
	 * The state of the drain loop of one thread.
	 */
	private static final class Drain {

		private boolean again;

	}

}
