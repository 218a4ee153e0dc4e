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

import java.util.OptionalInt;

/**
 * The permit a request of a tenant with a token budget runs under: the lane's permit,
 * plus the usage it reports counted against the budget.
 */
final class BudgetedPermit implements Permit {

	private final Permit permit;

	private final TokenBudgets budgets;

	private final TokenCharge charge;

	private final String tenant;

	BudgetedPermit(Permit permit, TokenBudgets budgets, TokenCharge charge, String tenant) {
		this.permit = permit;
		this.budgets = budgets;
		this.charge = charge;
		this.tenant = tenant;
	}

	@Override
	public String model() {
		return this.permit.model();
	}

	@Override
	public String lane() {
		return this.permit.lane();
	}

	@Override
	public Admission admission() {
		return this.permit.admission();
	}

	@Override
	public void onServerLimit(OptionalInt limitFromMessage) {
		this.permit.onServerLimit(limitFromMessage);
	}

	@Override
	public void onSuccess() {
		this.permit.onSuccess();
	}

	@Override
	public void onUsage(long input, long cacheHit, long output) {
		this.budgets.record(this.tenant, admission().terms().budget(), this.charge.of(input, cacheHit, output));
	}

}
