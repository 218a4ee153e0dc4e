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
import io.github.deepseekstarter.TokenBudget;
import org.jspecify.annotations.Nullable;

/**
 * The one rule every budget store applies: a period's budget is used up once the tokens
 * used reach it, so the call that crosses it runs and the next one is rejected; the daily
 * budget is named first when both are used up, since it resets later.
 */
public final class TokenBudgetCheck {

	private TokenBudgetCheck() {
	}

	/**
	 * Returns the rejection for a tenant's use, or {@code null} while it has budget left.
	 * @param tier the tenant's tier
	 * @param budget the tenant's budget
	 * @param hourly the tokens used this hour
	 * @param daily the tokens used today
	 * @param now the current instant
	 * @return the rejection, or {@code null}
	 */
	public static @Nullable TokenBudgetExceededException exceeded(String tier, TokenBudget budget, long hourly,
			long daily, Instant now) {
		if (budget.daily() > 0 && daily >= budget.daily()) {
			return new TokenBudgetExceededException(tier, BudgetPeriod.DAY, budget.daily(), daily,
					BudgetPeriod.DAY.reset(now));
		}
		if (budget.hourly() > 0 && hourly >= budget.hourly()) {
			return new TokenBudgetExceededException(tier, BudgetPeriod.HOUR, budget.hourly(), hourly,
					BudgetPeriod.HOUR.reset(now));
		}
		return null;
	}

}
