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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The tenant lanes of one lane, bounded in memory: busy lanes are always kept, and idle
 * ones are kept in the order they became idle, at most the configured number of them, so
 * the oldest idle lane is evicted first whatever the busy lanes do. Guarded by its lane.
 */
final class TenantRegistry {

	private final Map<String, TenantLane> lanes = new LinkedHashMap<>();

	/**
	 * The idle lanes, linked through their own fields, the one idle for longest first.
	 */
	private @Nullable TenantLane eldestIdle;

	private @Nullable TenantLane youngestIdle;

	private int idleSize;

	private final int maxIdle;

	TenantRegistry(int maxIdle) {
		this.maxIdle = maxIdle;
	}

	/**
	 * Returns a tenant's lane, taking it off the idle list; the caller hands it back
	 * through {@link #settled(TenantLane)} once it changed the lane.
	 */
	TenantLane get(String tenant) {
		TenantLane lane = this.lanes.get(tenant);
		if (lane == null) {
			lane = new TenantLane(tenant);
			this.lanes.put(tenant, lane);
		}
		else if (lane.listedIdle) {
			unlink(lane);
		}
		return lane;
	}

	/**
	 * Returns a tenant's lane if it has one, without taking it off the idle list.
	 */
	@Nullable TenantLane find(String tenant) {
		return this.lanes.get(tenant);
	}

	/**
	 * Puts a lane that holds no permit and no waiter at the end of the idle list,
	 * evicting the lanes idle for longest beyond the bound; a busy lane leaves the list.
	 */
	void settled(TenantLane lane) {
		if (lane.evicted) {
			return;
		}
		if (lane.listedIdle) {
			unlink(lane);
		}
		if (!lane.idle()) {
			return;
		}
		link(lane);
		while (this.idleSize > this.maxIdle) {
			TenantLane eldest = this.eldestIdle;
			unlink(eldest);
			eldest.evicted = true;
			this.lanes.remove(eldest.tenant());
		}
	}

	private void link(TenantLane lane) {
		lane.listedIdle = true;
		lane.olderIdle = this.youngestIdle;
		lane.youngerIdle = null;
		if (this.youngestIdle != null) {
			this.youngestIdle.youngerIdle = lane;
		}
		else {
			this.eldestIdle = lane;
		}
		this.youngestIdle = lane;
		this.idleSize++;
	}

	private void unlink(TenantLane lane) {
		TenantLane older = lane.olderIdle;
		TenantLane younger = lane.youngerIdle;
		if (older != null) {
			older.youngerIdle = younger;
		}
		else {
			this.eldestIdle = younger;
		}
		if (younger != null) {
			younger.olderIdle = older;
		}
		else {
			this.youngestIdle = older;
		}
		lane.olderIdle = null;
		lane.youngerIdle = null;
		lane.listedIdle = false;
		this.idleSize--;
	}

	int size() {
		return this.lanes.size();
	}

	int idleSize() {
		return this.idleSize;
	}

	List<TenantUsage> usage(String laneName) {
		List<TenantUsage> usage = new ArrayList<>();
		for (TenantLane lane : this.lanes.values()) {
			if (!lane.idle()) {
				usage.add(new TenantUsage(laneName, lane.tenant(), lane.inUse, lane.queued(), lane.terms().tier(),
						lane.weight(), BudgetUse.NONE));
			}
		}
		return usage;
	}

}
