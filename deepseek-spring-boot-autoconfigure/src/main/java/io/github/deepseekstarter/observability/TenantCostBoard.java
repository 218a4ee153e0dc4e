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

package io.github.deepseekstarter.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekstarter.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * The tokens and cost of the busiest tenants, in bounded memory. Tenants are counted by
 * the Space-Saving algorithm (Metwally et al.): at most {@code capacity} tenants hold a
 * slot; a new tenant arriving when all are taken takes the slot of the tenant with the
 * fewest tokens and inherits its token count as an overestimate, so a tenant using more
 * than a {@code capacity}-th of all tokens is always on the board. Cache and cost figures
 * count only the calls made while the tenant held its slot.
 */
public final class TenantCostBoard {

	/** The default number of tenants with a slot. */
	public static final int DEFAULT_CAPACITY = 1000;

	private final int capacity;

	private final Map<String, Totals> tenants = new HashMap<>();

	/**
	 * Creates a board.
	 * @param capacity how many tenants hold a slot, at least 1
	 */
	public TenantCostBoard(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
		}
		this.capacity = capacity;
	}

	/**
	 * Counts one call of a tenant.
	 * @param tenant the pseudonymized {@code user_id}, {@link TenantTags#NONE} for calls
	 * without one
	 * @param usage the call's tokens
	 * @param price the price the call's cost is counted at, if any
	 */
	public void record(String tenant, TokenUsage usage, @Nullable ModelPrice price) {
		double cost = (price != null) ? price.cost(usage).doubleValue() : 0;
		synchronized (this.tenants) {
			Totals totals = this.tenants.get(tenant);
			if (totals == null) {
				totals = new Totals(evictForNewcomer());
				this.tenants.put(tenant, totals);
			}
			totals.add(usage, cost, (price != null) ? price.currency() : null);
		}
	}

	/**
	 * The tenants using the most tokens.
	 * @param limit how many
	 * @return the tenants, busiest first
	 */
	public List<TenantCost> byTokens(int limit) {
		return top(limit, Comparator.comparingLong(TenantCost::tokens).reversed());
	}

	/**
	 * The tenants costing the most.
	 * @param limit how many
	 * @return the tenants, costliest first
	 */
	public List<TenantCost> byCost(int limit) {
		return top(limit, Comparator.comparingDouble(TenantCost::totalCost).reversed());
	}

	/**
	 * How many tenants hold a slot.
	 * @return the count, at most the capacity
	 */
	public int size() {
		synchronized (this.tenants) {
			return this.tenants.size();
		}
	}

	private List<TenantCost> top(int limit, Comparator<TenantCost> order) {
		List<TenantCost> all = new ArrayList<>();
		synchronized (this.tenants) {
			this.tenants.forEach((tenant, totals) -> all.add(totals.snapshot(tenant)));
		}
		all.sort(order.thenComparing(TenantCost::tenant));
		return List.copyOf(all.subList(0, Math.min(limit, all.size())));
	}

	private long evictForNewcomer() {
		if (this.tenants.size() < this.capacity) {
			return 0;
		}
		Map.Entry<String, Totals> smallest = null;
		for (Map.Entry<String, Totals> entry : this.tenants.entrySet()) {
			if (smallest == null || entry.getValue().tokens < smallest.getValue().tokens) {
				smallest = entry;
			}
		}
		this.tenants.remove(smallest.getKey());
		return smallest.getValue().tokens;
	}

	/**
	 * One tenant's figures.
	 *
	 * @param tenant the pseudonymized {@code user_id}
	 * @param tokens the input and output tokens, the overestimate included
	 * @param overestimate how many of {@code tokens} may belong to tenants this one took
	 * the slot of
	 * @param cacheHitTokens the input tokens served from the cache
	 * @param cacheMissTokens the input tokens not found in the cache
	 * @param cost the cost by currency
	 */
	public record TenantCost(String tenant, long tokens, long overestimate, long cacheHitTokens, long cacheMissTokens,
			Map<String, Double> cost) {

		/**
		 * The share of input tokens served from the cache, DeepSeek's cheaper rate.
		 * @return the ratio between 0 and 1, 0 before any input token
		 */
		public double cacheHitRatio() {
			long input = this.cacheHitTokens + this.cacheMissTokens;
			return (input > 0) ? (double) this.cacheHitTokens / input : 0;
		}

		/**
		 * The cost summed over currencies, for ordering.
		 * @return the sum
		 */
		double totalCost() {
			return this.cost.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	private static final class Totals {

		private long tokens;

		private final long overestimate;

		private long cacheHit;

		private long cacheMiss;

		private final Map<String, Double> cost = new TreeMap<>();

		Totals(long inherited) {
			this.tokens = inherited;
			this.overestimate = inherited;
		}

		void add(TokenUsage usage, double cost, @Nullable String currency) {
			this.tokens += (long) usage.input() + usage.output();
			this.cacheHit += usage.cacheHit();
			this.cacheMiss += usage.cacheMiss();
			if (currency != null) {
				this.cost.merge(currency, cost, Double::sum);
			}
		}

		TenantCost snapshot(String tenant) {
			return new TenantCost(tenant, this.tokens, this.overestimate, this.cacheHit, this.cacheMiss,
					Map.copyOf(this.cost));
		}

	}

}
