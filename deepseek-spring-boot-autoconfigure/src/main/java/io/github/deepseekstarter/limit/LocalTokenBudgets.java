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

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.TokenBudget;
import reactor.core.publisher.Mono;

/**
 * Token budgets counted in this process, per tenant and per UTC hour and day. A tenant's
 * counter is kept until its day ends, so a budget cannot be escaped by going idle within
 * the period; counters of past days are dropped when a new day starts.
 */
public final class LocalTokenBudgets implements TokenBudgets {

	private final Clock clock;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private volatile Instant today;

	/**
	 * Creates budgets counted on the given clock.
	 * @param clock the clock whose UTC hours and days are the periods
	 */
	public LocalTokenBudgets(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.today = BudgetPeriod.DAY.start(clock.instant());
	}

	@Override
	public Mono<Void> check(String tenant, String tier, TokenBudget budget) {
		Counter counter = this.counters.get(tenant);
		if (counter == null) {
			return Mono.empty();
		}
		TokenBudgetExceededException exceeded = counter.exceeded(tier, budget, now());
		return (exceeded != null) ? Mono.error(exceeded) : Mono.empty();
	}

	@Override
	public void record(String tenant, TokenBudget budget, long tokens) {
		Instant now = now();
		this.counters.computeIfAbsent(tenant, (key) -> new Counter()).add(tokens, now);
	}

	@Override
	public BudgetUse use(String tenant, TokenBudget budget) {
		Counter counter = this.counters.get(tenant);
		return (counter != null) ? counter.use(now()) : BudgetUse.NONE;
	}

	private Instant now() {
		Instant now = this.clock.instant();
		Instant day = BudgetPeriod.DAY.start(now);
		if (!day.equals(this.today)) {
			this.today = day;
			this.counters.values().removeIf((counter) -> counter.endedBefore(day));
		}
		return now;
	}

	/**
	 * One tenant's use in its current hour and day.
	 */
	private static final class Counter {

		private Instant hour = Instant.MIN;

		private long hourly;

		private Instant day = Instant.MIN;

		private long daily;

		synchronized void add(long tokens, Instant now) {
			roll(now);
			this.hourly += tokens;
			this.daily += tokens;
		}

		synchronized BudgetUse use(Instant now) {
			roll(now);
			return new BudgetUse(this.hourly, this.daily);
		}

		synchronized TokenBudgetExceededException exceeded(String tier, TokenBudget budget, Instant now) {
			roll(now);
			return TokenBudgetCheck.exceeded(tier, budget, this.hourly, this.daily, now);
		}

		synchronized boolean endedBefore(Instant day) {
			return this.day.isBefore(day);
		}

		private void roll(Instant now) {
			Instant hour = BudgetPeriod.HOUR.start(now);
			if (!hour.equals(this.hour)) {
				this.hour = hour;
				this.hourly = 0;
			}
			Instant day = BudgetPeriod.DAY.start(now);
			if (!day.equals(this.day)) {
				this.day = day;
				this.daily = 0;
			}
		}

	}

}
