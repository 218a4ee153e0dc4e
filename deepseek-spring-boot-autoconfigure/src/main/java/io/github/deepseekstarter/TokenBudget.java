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

/**
 * How many tokens a tenant may use per hour and per day; 0 for no budget in that period.
 * A call is charged its input and output tokens, cache hits at the rate of the limiter's
 * token budgets. The call that crosses a budget runs; the next one is rejected until the
 * period ends.
 *
 * @param hourly the tokens per clock hour (UTC), or 0 for none
 * @param daily the tokens per day (UTC), or 0 for none
 */
public record TokenBudget(long hourly, long daily) {

	/**
	 * No budget in either period.
	 */
	public static final TokenBudget UNLIMITED = new TokenBudget(0, 0);

	public TokenBudget {
		if (hourly < 0 || daily < 0) {
			throw new IllegalArgumentException(
					"budgets must be 0 or greater but were hourly=" + hourly + ", daily=" + daily);
		}
	}

	/**
	 * Returns whether either period has a budget.
	 * @return whether calls are counted
	 */
	public boolean limited() {
		return this.hourly > 0 || this.daily > 0;
	}

	/**
	 * Returns the budget of a period.
	 * @param period the period
	 * @return the tokens, or 0 for none
	 */
	public long of(BudgetPeriod period) {
		return (period == BudgetPeriod.HOUR) ? this.hourly : this.daily;
	}

}
