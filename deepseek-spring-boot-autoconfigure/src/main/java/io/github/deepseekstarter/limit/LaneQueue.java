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

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The waiters of one lane, bounded in number: interactive ones before background ones,
 * and within a priority the between-tenant choice of {@link FairQueue}, so that a
 * weighted choice would change this class only. Guarded by its lane.
 */
final class LaneQueue {

	private final FairQueue interactive = new FairQueue(Priority.INTERACTIVE);

	private final FairQueue background = new FairQueue(Priority.BACKGROUND);

	private final int maxSize;

	private int size;

	/** The queue whose tenant {@link #next} returned. */
	private FairQueue turn = this.interactive;

	LaneQueue(int maxSize) {
		this.maxSize = maxSize;
	}

	int size() {
		return this.size;
	}

	boolean isFull() {
		return this.size >= this.maxSize;
	}

	/**
	 * Queues a waiter unless the queue is full.
	 */
	boolean offer(TenantLane tenant, LaneWaiter waiter) {
		if (isFull()) {
			return false;
		}
		queue(waiter.priority()).add(tenant, waiter);
		this.size++;
		return true;
	}

	boolean remove(TenantLane tenant, LaneWaiter waiter) {
		if (queue(waiter.priority()).remove(tenant, waiter)) {
			this.size--;
			return true;
		}
		return false;
	}

	/**
	 * Returns the tenant whose turn it is among the waiters that could take a permit now,
	 * interactive first; {@link #poll} then serves it.
	 * @param laneHasRoom whether the lane has room for a priority
	 * @param tenantHasRoom whether a tenant may take one more permit
	 * @return the tenant, or {@code null} when no waiter could take a permit
	 */
	@Nullable TenantLane next(Predicate<Priority> laneHasRoom, Predicate<TenantLane> tenantHasRoom) {
		if (this.size == 0) {
			return null;
		}
		this.turn = this.interactive;
		TenantLane tenant = laneHasRoom.test(Priority.INTERACTIVE) ? this.interactive.next(tenantHasRoom) : null;
		if (tenant == null && laneHasRoom.test(Priority.BACKGROUND)) {
			this.turn = this.background;
			tenant = this.background.next(tenantHasRoom);
		}
		return tenant;
	}

	/**
	 * Takes the first waiter of the tenant {@link #next} returned that accepts its
	 * permit, skipping those that gave up, and ends the tenant's turn.
	 * @param tenant the tenant {@link #next} returned
	 * @param claim claims the permit for a waiter, false when it gave up
	 * @return the waiter, or {@code null} when all of the tenant's waiters gave up
	 */
	@Nullable LaneWaiter poll(TenantLane tenant, Predicate<LaneWaiter> claim) {
		LaneWaiter waiter;
		while ((waiter = tenant.waiting(this.turn.priority()).pollFirst()) != null) {
			this.size--;
			if (claim.test(waiter)) {
				break;
			}
		}
		this.turn.served(tenant);
		return waiter;
	}

	private FairQueue queue(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.interactive : this.background;
	}

}
