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

package io.github.deepseekstarter.identity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The tenant policy of configuration: a caller's tier is the one configured for its
 * tenant, else the one its token claim or authority names (read by tier resolvers, the
 * same resolvers that read the tenant, with another extractor), else the default tier.
 * Its weight and budget are its tenant's when configured, else its tier's.
 */
public final class ConfiguredTenantPolicy implements TenantPolicy {

	private final Map<String, Tenant> tenants;

	private final Map<String, TenantTerms> tiers;

	private final List<UserIdResolver> tierResolvers;

	private final String defaultTier;

	/**
	 * Create a policy.
	 * @param tenants what is configured for single tenants, by identity
	 * @param tiers the weight and budget of each configured tier, by tier name
	 * @param tierResolvers the resolvers that read a caller's tier, asked in order
	 * @param defaultTier the tier of a caller none is found for
	 */
	public ConfiguredTenantPolicy(Map<String, Tenant> tenants, Map<String, TenantTerms> tiers,
			List<? extends UserIdResolver> tierResolvers, String defaultTier) {
		this.tenants = Map.copyOf(tenants);
		this.tiers = Map.copyOf(tiers);
		this.tierResolvers = List.copyOf(tierResolvers);
		this.defaultTier = Objects.requireNonNull(defaultTier, "defaultTier must not be null");
	}

	@Override
	public Mono<TenantTerms> terms(@Nullable String identity) {
		Tenant tenant = (identity != null) ? this.tenants.get(identity) : null;
		if (tenant != null && tenant.tier() != null) {
			return Mono.just(terms(tenant, tenant.tier()));
		}
		return Flux.fromIterable(this.tierResolvers)
			.concatMap((resolver) -> Mono.defer(resolver::resolve).filter((tier) -> !tier.isBlank()))
			.next()
			.defaultIfEmpty(this.defaultTier)
			.map((tier) -> terms(tenant, tier));
	}

	private TenantTerms terms(@Nullable Tenant tenant, String tier) {
		TenantTerms tierTerms = this.tiers.get(tier);
		int weight = (tierTerms != null) ? tierTerms.weight() : 1;
		TokenBudget budget = (tierTerms != null) ? tierTerms.budget() : TokenBudget.UNLIMITED;
		if (tenant != null) {
			weight = (tenant.weight() != null) ? tenant.weight() : weight;
			budget = (tenant.budget() != null) ? tenant.budget() : budget;
		}
		return new TenantTerms(tier, weight, budget);
	}

	@Override
	public Function<Context, Context> captureCaller() {
		Function<Context, Context> capture = Function.identity();
		for (UserIdResolver resolver : this.tierResolvers) {
			if (resolver instanceof ThreadBoundUserIdResolver threadBound) {
				capture = capture.andThen(threadBound.captureCaller());
			}
		}
		return capture;
	}

	@Override
	public String toString() {
		return "ConfiguredTenantPolicy[tenants=" + this.tenants.size() + ", tiers=" + this.tiers.keySet()
				+ ", tierResolvers=" + this.tierResolvers + ", defaultTier=" + this.defaultTier + "]";
	}

	/**
	 * What is configured for one tenant; what is {@code null} comes from its tier.
	 *
	 * @param tier the tenant's tier, whatever its token says
	 * @param weight the tenant's weight
	 * @param budget the tenant's token budget
	 */
	public record Tenant(@Nullable String tier, @Nullable Integer weight, @Nullable TokenBudget budget) {

	}

}
