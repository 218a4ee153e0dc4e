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

import java.time.Instant;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.DeepSeekPropertyNames;

/**
 * A request was rejected before anything was sent because its tenant used up a token
 * budget; it names the budget and when the budget resets.
 */
public class TokenBudgetExceededException extends DeepSeekException {

	private final String tier;

	private final BudgetPeriod period;

	private final long budget;

	private final long used;

	private final Instant resetsAt;

	/**
	 * Creates the exception.
	 * @param tier the tenant's tier
	 * @param period the period whose budget is used up
	 * @param budget the period's budget in tokens
	 * @param used the tokens the tenant used in the period
	 * @param resetsAt when the period ends and the budget starts again
	 */
	public TokenBudgetExceededException(String tier, BudgetPeriod period, long budget, long used, Instant resetsAt) {
		super("The tenant's " + period.property() + " token budget of " + budget + " tokens (tier '" + tier
				+ "') is used up with " + used + " tokens; it resets at " + resetsAt + ". Raise "
				+ DeepSeekPropertyNames.TENANTS + ".<name>.budget." + period.property() + " or "
				+ DeepSeekPropertyNames.TIERS + "." + tier + ".budget." + period.property() + " to allow more");
		this.tier = tier;
		this.period = period;
		this.budget = budget;
		this.used = used;
		this.resetsAt = resetsAt;
	}

	/**
	 * Returns the tier of the tenant.
	 * @return the tier
	 */
	public String tier() {
		return this.tier;
	}

	/**
	 * Returns the period whose budget is used up.
	 * @return the period
	 */
	public BudgetPeriod period() {
		return this.period;
	}

	/**
	 * Returns the period's budget.
	 * @return the tokens
	 */
	public long budget() {
		return this.budget;
	}

	/**
	 * Returns the tokens the tenant used in the period.
	 * @return the tokens
	 */
	public long used() {
		return this.used;
	}

	/**
	 * Returns when the budget resets.
	 * @return the end of the period
	 */
	public Instant resetsAt() {
		return this.resetsAt;
	}

}
