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

import java.util.ArrayDeque;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The waiters of one priority in one lane: weighted round robin between tenants (deficit
 * round robin with a cost of one per admission, so a turn admits up to the tenant's
 * weight), first in first out within a tenant, so a tenant's burst cannot starve another
 * tenant. With equal weights of 1 it is plain round robin. Every step is O(1) for a
 * tenant with room. Guarded by its lane.
 */
final class FairQueue {

	private final Priority priority;

	private final ArrayDeque<TenantLane> ring = new ArrayDeque<>();

	FairQueue(Priority priority) {
		this.priority = priority;
	}

	Priority priority() {
		return this.priority;
	}

	void add(TenantLane tenant, LaneWaiter waiter) {
		tenant.waiting(this.priority).addLast(waiter);
		if (!tenant.inRing(this.priority)) {
			tenant.inRing(this.priority, true);
			tenant.credit(this.priority, tenant.weight());
			this.ring.addLast(tenant);
		}
	}

	boolean remove(TenantLane tenant, LaneWaiter waiter) {
		ArrayDeque<LaneWaiter> waiting = tenant.waiting(this.priority);
		boolean removed = waiting.remove(waiter);
		if (removed && waiting.isEmpty() && tenant.inRing(this.priority)) {
			tenant.inRing(this.priority, false);
			this.ring.remove(tenant);
		}
		return removed;
	}

	/**
	 * Returns the tenant whose turn it is among those with room, leaving it first in the
	 * ring until {@link #served(TenantLane)}; tenants without room keep their waiters and
	 * what is left of their turn, and move to the back.
	 */
	@Nullable TenantLane next(Predicate<TenantLane> hasRoom) {
		for (int i = 0, n = this.ring.size(); i < n; i++) {
			TenantLane tenant = this.ring.peekFirst();
			if (tenant.waiting(this.priority).isEmpty()) {
				this.ring.pollFirst();
				tenant.inRing(this.priority, false);
			}
			else if (hasRoom.test(tenant)) {
				return tenant;
			}
			else {
				this.ring.addLast(this.ring.pollFirst());
			}
		}
		return null;
	}

	/**
	 * Counts an admission of the tenant {@link #next(Predicate)} returned: it keeps its
	 * turn while it has credit and waiters, else goes to the back with a new turn's
	 * credit, or leaves the ring when it has no more waiters.
	 */
	void served(TenantLane tenant) {
		int credit = tenant.credit(this.priority) - 1;
		if (tenant.waiting(this.priority).isEmpty()) {
			this.ring.pollFirst();
			tenant.inRing(this.priority, false);
		}
		else if (credit > 0) {
			tenant.credit(this.priority, credit);
		}
		else {
			this.ring.pollFirst();
			tenant.credit(this.priority, tenant.weight());
			this.ring.addLast(tenant);
		}
	}

}
