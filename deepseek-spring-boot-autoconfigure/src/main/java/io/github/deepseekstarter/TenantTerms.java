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

package io.github.deepseekstarter;

import java.util.Objects;

/**
 * What a tenant is entitled to: its tier (which reserved share it draws on), its weight
 * between tenants of a lane under contention, and its token budget. Resolved once per
 * call from the caller's identity and carried by the lane admission.
 *
 * @param tier the tier, such as {@code paid}; {@link #DEFAULT_TIER} when none applies
 * @param weight the tenant's share of a contended lane relative to other tenants, from 1
 * to {@link #MAX_WEIGHT}: a tenant of weight 3 is admitted three times as often as one of
 * weight 1 while both wait
 * @param budget the tenant's token budget
 */
public record TenantTerms(String tier, int weight, TokenBudget budget) {

	/**
	 * The tier of a tenant no tier was found for.
	 */
	public static final String DEFAULT_TIER = "default";

	/**
	 * The largest weight a tenant may have.
	 */
	public static final int MAX_WEIGHT = 1000;

	/**
	 * The terms of a tenant nothing is configured for: the default tier, weight 1, no
	 * budget.
	 */
	public static final TenantTerms DEFAULT = new TenantTerms(DEFAULT_TIER, 1, TokenBudget.UNLIMITED);

	public TenantTerms {
		Objects.requireNonNull(tier, "tier must not be null");
		Objects.requireNonNull(budget, "budget must not be null");
		if (weight < 1 || weight > MAX_WEIGHT) {
			throw new IllegalArgumentException("weight must be from 1 to " + MAX_WEIGHT + " but was " + weight);
		}
	}

}
