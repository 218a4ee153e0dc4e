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

import io.github.deepseekstarter.TokenBudget;
import reactor.core.publisher.Mono;

/**
 * Where tenants' token use is counted against their budgets: in this process
 * ({@link LocalTokenBudgets}), or in Redis so that every replica counts one budget.
 * Tenants are the {@code user_id}s the limiter admits; only tenants with a
 * {@link TokenBudget#limited() budget} are ever counted.
 */
public interface TokenBudgets {

	/**
	 * Budgets that count nothing and reject nothing.
	 */
	TokenBudgets NONE = new TokenBudgets() {

		@Override
		public Mono<Void> check(String tenant, String tier, TokenBudget budget) {
			return Mono.empty();
		}

		@Override
		public void record(String tenant, TokenBudget budget, long tokens) {
		}

		@Override
		public BudgetUse use(String tenant, TokenBudget budget) {
			return BudgetUse.NONE;
		}

	};

	/**
	 * Checks a tenant's budget before its request is admitted.
	 * @param tenant the tenant
	 * @param tier the tenant's tier, for the rejection's message
	 * @param budget the tenant's budget
	 * @return a {@link Mono} completing empty while the tenant has budget left, failing
	 * with {@link TokenBudgetExceededException} once a period's budget is used up
	 */
	Mono<Void> check(String tenant, String tier, TokenBudget budget);

	/**
	 * Counts the tokens a call of a tenant used against every period of its budget. Never
	 * blocks; a store that writes remotely does so in the background.
	 * @param tenant the tenant
	 * @param budget the tenant's budget
	 * @param tokens the tokens charged for the call
	 */
	void record(String tenant, TokenBudget budget, long tokens);

	/**
	 * Returns what a tenant used of its budget in the current periods, as this process
	 * knows it, without a remote call.
	 * @param tenant the tenant
	 * @param budget the tenant's budget
	 * @return the use
	 */
	BudgetUse use(String tenant, TokenBudget budget);

}
