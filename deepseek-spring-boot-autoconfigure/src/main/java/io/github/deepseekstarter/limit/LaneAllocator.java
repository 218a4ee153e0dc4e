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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.deepseekstarter.TenantTerms;

import org.jspecify.annotations.Nullable;

/**
 * Decides which requests of one lane take permits: the room of the lane, of each
 * priority, of each tenant and of the reserved tiers, the account's answer, and the
 * queue's turn. It is the sequential part of the lane: {@link ModelLane} calls it in its
 * critical sections and signals the waiters after leaving them. Guarded by its lane.
 */
final class LaneAllocator {

	/** What became of an arrival that was not granted at once. */
	enum Outcome {

		/** Granted: to be handed over. */
		GRANTED,

		/** In the queue: its timeout is to be armed. */
		QUEUED,

		/** Waiting, without queueing, for the account's late answer. */
		AWAITING,

		/** No room, and it may not wait (or the queue is full): to be refused. */
		REFUSED

	}

	private final ModelLane lane;

	private final AccountGate account;

	private final AdaptiveLimit limit;

	private final LaneOccupancy held;

	private final LaneQueue queue;

	private final TierReservations reservations;

	private final Predicate<Priority> hasRoom = this::hasRoom;

	private final Predicate<TenantLane> tenantHasRoom = this::tenantHasRoom;

	/** The waiter that may not queue whose account answer is on its way. */
	private @Nullable LaneWaiter answerAwaited;

	LaneAllocator(ModelLane lane, AccountGate account, AdaptiveLimit limit, LimiterConfig config) {
		this.lane = lane;
		this.account = account;
		this.limit = limit;
		this.held = new LaneOccupancy(config, lane.name());
		this.queue = new LaneQueue(config.maxQueueSize());
		this.reservations = new TierReservations(config.reservedShares());
	}

	LaneOccupancy held() {
		return this.held;
	}

	int queued() {
		return this.queue.size();
	}

	/**
	 * Grants a permit at once when nobody waits and the lane, the tenant and the account
	 * have room, the account answering in this thread; else takes nothing.
	 */
	@Nullable LanePermit grantAtOnce(Admission admission, String model) {
		if (this.queue.size() != 0 || !this.account.open() || !hasRoom(admission.priority())) {
			return null;
		}
		TenantLane tenant = tenantOf(admission);
		LanePermit permit = null;
		if (tenantHasRoom(tenant) && Boolean.TRUE.equals(this.account.tryTakeNow())) {
			permit = permit(admission, model, tenant);
			count(permit);
		}
		this.held.settled(tenant);
		return permit;
	}

	/**
	 * Returns whether a free permit is due to the queue: a new arrival then waits its
	 * turn, and the lane drains.
	 */
	boolean queueHasTurn() {
		return this.account.open() && this.queue.next(this.hasRoom, this.tenantHasRoom) != null;
	}

	/**
	 * Admits an arrival that was not granted at once: grants it when the queue has no
	 * turn and everything has room, else queues it when it may.
	 */
	Outcome admit(LaneWaiter waiter, boolean mayQueue, boolean queueHasTurn) {
		TenantLane tenant = tenantOf(waiter.admission());
		Outcome outcome = Outcome.REFUSED;
		if (!queueHasTurn && waiter.isWaiting() && this.account.open() && hasRoom(waiter.priority())
				&& tenantHasRoom(tenant)) {
			Boolean answer = this.account.tryTake();
			if (answer == null && !mayQueue) {
				this.answerAwaited = waiter;
				outcome = Outcome.AWAITING;
			}
			else if (Boolean.TRUE.equals(answer)) {
				if (claim(waiter, tenant)) {
					outcome = Outcome.GRANTED;
				}
				else {
					this.account.release();
				}
			}
		}
		if (outcome == Outcome.REFUSED && mayQueue && waiter.isWaiting() && this.queue.offer(tenant, waiter)) {
			outcome = Outcome.QUEUED;
		}
		this.held.settled(tenant);
		return outcome;
	}

	/**
	 * Removes a waiter that gave up or expired; it never gets a permit after this.
	 */
	void remove(LaneWaiter waiter) {
		TenantLane tenant = this.held.find(waiter.tenant());
		if (tenant != null && this.queue.remove(tenant, waiter)) {
			this.held.settled(tenant);
		}
	}

	/**
	 * Takes a permit back; returns whether waiters queue for it.
	 */
	boolean release(LanePermit permit) {
		this.held.giveBack(permit.admission().priority(), permit.tenant());
		this.reservations.returned(permit.reservedTier());
		this.account.release();
		return this.queue.size() > 0;
	}

	/**
	 * Records the account's late answer and returns the waiter that may not queue it was
	 * for, if any.
	 */
	@Nullable LaneWaiter answered(boolean granted) {
		this.account.answered(granted);
		LaneWaiter waiter = this.answerAwaited;
		this.answerAwaited = null;
		return waiter;
	}

	/**
	 * Claims the account permit that answered late for the waiter it was for, when it
	 * still waits and fits.
	 */
	boolean claimAnswered(LaneWaiter waiter) {
		// The tenant lane may have been evicted while the answer was on its way.
		TenantLane tenant = tenantOf(waiter.admission());
		boolean claimed = hasRoom(waiter.priority()) && tenantHasRoom(tenant) && claim(waiter, tenant);
		this.held.settled(tenant);
		return claimed;
	}

	/**
	 * Claims waiters while the lane, their tenant and the account have room, tenants in
	 * turn; {@code holding} when an account permit was already taken for the first.
	 */
	List<LaneWaiter> grant(boolean holding) {
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
	 * Returns the tenant lane of a request with the terms of the request; the tier is
	 * looked up only when the terms changed.
	 */
	private TenantLane tenantOf(Admission admission) {
		String name = admission.tenant();
		TenantLane tenant = this.held.tenant((name != null) ? name : "");
		TenantTerms terms = admission.terms();
		if (!tenant.has(terms)) {
			tenant.terms(terms, this.reservations.indexOf(terms.tier()));
		}
		return tenant;
	}

	private boolean claim(LaneWaiter waiter, TenantLane tenant) {
		LanePermit permit = permit(waiter.admission(), waiter.model(), tenant);
		if (!waiter.claim(permit)) {
			return false;
		}
		count(permit);
		return true;
	}

	private LanePermit permit(Admission admission, String model, TenantLane tenant) {
		return new LanePermit(this.lane, admission, model, tenant, tenant.reservedTier(), this.limit.generation());
	}

	private void count(LanePermit permit) {
		this.reservations.taken(permit.reservedTier());
		this.held.take(permit.admission().priority(), permit.tenant());
	}

	boolean hasRoom(Priority priority) {
		return this.held.hasRoom(priority, this.limit.effective());
	}

	private boolean tenantHasRoom(TenantLane tenant) {
		return this.held.hasRoom(tenant)
				&& this.reservations.hasRoom(tenant.reservedTier(), this.held.inUse(), this.limit.effective());
	}

}
