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

/**
 * The tenant lanes of one lane, bounded in memory: beyond the configured number the least
 * recently used idle lanes are evicted; busy ones never are. Guarded by its lane.
 */
final class TenantRegistry {

	/** Bounds the work one lookup spends on eviction. */
	private static final int EVICTION_SCAN = 32;

	private final LinkedHashMap<String, TenantLane> lanes = new LinkedHashMap<>(64, 0.75f, true);

	private final int maxIdle;

	TenantRegistry(int maxIdle) {
		this.maxIdle = maxIdle;
	}

	TenantLane get(String tenant) {
		TenantLane lane = this.lanes.get(tenant);
		if (lane == null) {
			lane = new TenantLane(tenant);
			this.lanes.put(tenant, lane);
			if (this.lanes.size() > this.maxIdle) {
				evictIdle(lane);
			}
		}
		return lane;
	}

	private void evictIdle(TenantLane keep) {
		Iterator<TenantLane> eldest = this.lanes.values().iterator();
		for (int i = 0; i < EVICTION_SCAN && this.lanes.size() > this.maxIdle && eldest.hasNext(); i++) {
			TenantLane lane = eldest.next();
			if (lane != keep && lane.idle()) {
				eldest.remove();
			}
		}
	}

	int size() {
		return this.lanes.size();
	}

	List<TenantUsage> usage(String laneName) {
		List<TenantUsage> usage = new ArrayList<>();
		for (TenantLane lane : this.lanes.values()) {
			if (!lane.idle()) {
				usage.add(new TenantUsage(laneName, lane.tenant(), lane.inUse, lane.queued()));
			}
		}
		return usage;
	}

}
