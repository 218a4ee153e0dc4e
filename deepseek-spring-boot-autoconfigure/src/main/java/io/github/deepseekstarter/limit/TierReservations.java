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

import java.util.Map;

/**
 * The reserved shares of one lane: each reserved tier is guaranteed its share of the
 * lane's effective limit, so the other tiers may not take the permits a reserved tier has
 * not used yet. A tier uses more than its share whenever the rest of the lane is free.
 * The shares add up to at most the whole lane. Guarded by its lane.
 */
final class TierReservations {

	private final String[] tiers;

	private final double[] shares;

	private final int[] inUse;

	TierReservations(Map<String, Double> shares) {
		this.tiers = shares.keySet().toArray(String[]::new);
		this.shares = shares.values().stream().mapToDouble(Double::doubleValue).toArray();
		this.inUse = new int[this.tiers.length];
	}

	/**
	 * Returns the index of a tier, or -1 when it has no reserved share.
	 */
	int indexOf(String tier) {
		for (int i = 0; i < this.tiers.length; i++) {
			if (this.tiers[i].equals(tier)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Returns whether a request of a tier may take one more permit without eating into
	 * the unused reservations of the other tiers.
	 * @param tier the index of the request's tier, or -1
	 * @param laneInUse the permits the lane has granted
	 * @param effective the lane's effective limit
	 */
	boolean hasRoom(int tier, int laneInUse, int effective) {
		int heldForOthers = 0;
		for (int i = 0; i < this.tiers.length; i++) {
			if (i != tier) {
				heldForOthers += Math.max(0, reserved(i, effective) - this.inUse[i]);
			}
		}
		return laneInUse + heldForOthers < effective;
	}

	void taken(int tier) {
		if (tier >= 0) {
			this.inUse[tier]++;
		}
	}

	void returned(int tier) {
		if (tier >= 0) {
			this.inUse[tier]--;
		}
	}

	/**
	 * Returns the permits a tier holds.
	 */
	int inUse(int tier) {
		return (tier >= 0) ? this.inUse[tier] : 0;
	}

	private int reserved(int tier, int effective) {
		return (int) (effective * this.shares[tier]);
	}

}
