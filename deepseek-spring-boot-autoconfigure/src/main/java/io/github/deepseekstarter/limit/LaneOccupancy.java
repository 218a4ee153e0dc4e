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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who holds a lane's permits: in all, background requests, and each tenant, measured
 * against the effective limit, the background share and the tenant caps. Guarded by its
 * lane.
 */
final class LaneOccupancy {

	private final TenantRegistry tenants;

	private final int tenantCap;

	private final double backgroundShare;

	private int inUse;

	private int backgroundInUse;

	LaneOccupancy(LimiterConfig config, String lane) {
		this.tenants = new TenantRegistry(config.maxIdleTenants());
		this.tenantCap = config.perUser(lane);
		this.backgroundShare = config.backgroundShare();
	}

	int inUse() {
		return this.inUse;
	}

	int backgroundInUse() {
		return this.backgroundInUse;
	}

	/**
	 * Returns a tenant's lane for a change, to hand back through {@link #settled}.
	 */
	TenantLane tenant(String tenant) {
		return this.tenants.get(tenant);
	}

	@Nullable TenantLane find(String tenant) {
		return this.tenants.find(tenant);
	}

	void settled(TenantLane tenant) {
		this.tenants.settled(tenant);
	}

	boolean hasRoom(Priority priority, int effectiveLimit) {
		return this.inUse < effectiveLimit && (priority == Priority.INTERACTIVE
				|| this.backgroundInUse < Math.max(1, (int) (effectiveLimit * this.backgroundShare)));
	}

	boolean hasRoom(TenantLane tenant) {
		return tenant.hasRoom(this.tenantCap);
	}

	void take(Priority priority, TenantLane tenant) {
		this.inUse++;
		if (priority == Priority.BACKGROUND) {
			this.backgroundInUse++;
		}
		tenant.inUse++;
	}

	void giveBack(Priority priority, TenantLane tenant) {
		this.inUse--;
		if (priority == Priority.BACKGROUND) {
			this.backgroundInUse--;
		}
		tenant.inUse--;
		this.tenants.settled(tenant);
	}

	List<TenantUsage> usage(String lane) {
		return this.tenants.usage(lane);
	}

	int tenantLanes() {
		return this.tenants.size();
	}

}
