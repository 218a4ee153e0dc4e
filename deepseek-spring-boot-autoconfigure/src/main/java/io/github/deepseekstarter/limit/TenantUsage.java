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

import io.github.deepseekstarter.TenantTerms;

/**
 * The permits one tenant holds in one lane.
 *
 * @param lane the lane name
 * @param tenant the tenant id, or the empty string for requests without one
 * @param inUse the permits the tenant holds
 * @param queued the tenant's requests waiting for a permit
 */
public record TenantUsage(String lane, String tenant, int inUse, int queued, String tier, int weight,
		BudgetUse budgetUse) {

	/**
	 * Creates the usage of a tenant with the default terms and nothing used of a budget.
	 * @param lane the lane
	 * @param tenant the tenant
	 * @param inUse the permits it holds
	 * @param queued its waiters
	 */
	public TenantUsage(String lane, String tenant, int inUse, int queued) {
		this(lane, tenant, inUse, queued, TenantTerms.DEFAULT_TIER, 1, BudgetUse.NONE);
	}

	/**
	 * Returns a copy with what the tenant used of its budget.
	 * @param use the budget use
	 * @return the copy
	 */
	public TenantUsage withBudgetUse(BudgetUse use) {
		return new TenantUsage(this.lane, this.tenant, this.inUse, this.queued, this.tier, this.weight, use);
	}

}
