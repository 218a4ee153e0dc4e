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
import java.util.Iterator;
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

	/** The idle lanes, the one idle for longest first. */
	private final LinkedHashMap<String, TenantLane> idle = new LinkedHashMap<>();

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
		else {
			this.idle.remove(tenant);
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
		String tenant = lane.tenant();
		if (this.lanes.get(tenant) != lane) {
			return;
		}
		this.idle.remove(tenant);
		if (!lane.idle()) {
			return;
		}
		this.idle.put(tenant, lane);
		Iterator<TenantLane> eldest = this.idle.values().iterator();
		while (this.idle.size() > this.maxIdle) {
			this.lanes.remove(eldest.next().tenant());
			eldest.remove();
		}
	}

	int size() {
		return this.lanes.size();
	}

	int idleSize() {
		return this.idle.size();
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
