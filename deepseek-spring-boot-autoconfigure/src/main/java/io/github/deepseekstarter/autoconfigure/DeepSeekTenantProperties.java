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

package io.github.deepseekstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.identity.ConfiguredTenantPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * What tenants are entitled to: weights between tenants of a contended lane, tiers with
 * reserved shares of every lane, and token budgets per hour and day.
 */
@ConfigurationProperties("deepseek")
public class DeepSeekTenantProperties implements InitializingBean {

	/**
	 * Settings of single tenants, by the identity their user_id is made from (the
	 * principal's name or the value of deepseek.user-id.claim).
	 */
	private final Map<String, Tenant> tenants = new LinkedHashMap<>();

	/**
	 * Settings of tiers, by tier name.
	 */
	private final Map<String, Tier> tiers = new LinkedHashMap<>();

	private final TenantTier tenantTier = new TenantTier();

	private final Budgets budgets = new Budgets();

	public Map<String, Tenant> getTenants() {
		return this.tenants;
	}

	public Map<String, Tier> getTiers() {
		return this.tiers;
	}

	public TenantTier getTenantTier() {
		return this.tenantTier;
	}

	public Budgets getBudgets() {
		return this.budgets;
	}

	/**
	 * Returns whether anything about tenants is configured beyond the defaults.
	 */
	boolean isConfigured() {
		return !this.tenants.isEmpty() || !this.tiers.isEmpty() || this.tenantTier.getClaim() != null
				|| this.tenantTier.getAuthorityPrefix() != null;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Validates the settings, naming the first invalid property.
	 */
	void validate() {
		this.tenants.forEach((name, tenant) -> {
			String prefix = "deepseek.tenants." + name;
			if (tenant.getWeight() != null) {
				weight(prefix + ".weight", tenant.getWeight());
			}
			if (tenant.getTier() != null && !this.tiers.containsKey(tenant.getTier())) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".tier", tenant.getTier(),
						"Must name a tier of deepseek.tiers, one of " + this.tiers.keySet() + ".");
			}
			tenant.getBudget().validate(prefix + ".budget");
		});
		for (Map.Entry<String, Tier> entry : this.tiers.entrySet()) {
			String prefix = "deepseek.tiers." + entry.getKey();
			Tier tier = entry.getValue();
			weight(prefix + ".weight", tier.getWeight());
			tier.getBudget().validate(prefix + ".budget");
		}
		if (this.tenantTier.getClaim() != null && this.tenantTier.getAuthorityPrefix() != null) {
			throw new InvalidConfigurationPropertyValueException("deepseek.tenant-tier.authority-prefix",
					this.tenantTier.getAuthorityPrefix(),
					"A tier comes from either a claim or an authority: remove deepseek.tenant-tier.claim or "
							+ "deepseek.tenant-tier.authority-prefix.");
		}
		if (!StringUtils.hasText(this.tenantTier.getDefaultTier())) {
			throw new InvalidConfigurationPropertyValueException("deepseek.tenant-tier.default-tier",
					this.tenantTier.getDefaultTier(), "Must not be empty.");
		}
	}

	/**
	 * Returns the single tenants as the tenant policy takes them.
	 */
	Map<String, ConfiguredTenantPolicy.Tenant> policyTenants() {
		Map<String, ConfiguredTenantPolicy.Tenant> tenants = new LinkedHashMap<>();
		this.tenants.forEach((name, tenant) -> tenants.put(name, new ConfiguredTenantPolicy.Tenant(tenant.getTier(),
				tenant.getWeight(), tenant.getBudget().isSet() ? tenant.getBudget().toBudget() : null)));
		return tenants;
	}

	/**
	 * Returns the tiers as the tenant policy takes them.
	 */
	Map<String, TenantTerms> policyTiers() {
		Map<String, TenantTerms> tiers = new LinkedHashMap<>();
		this.tiers.forEach(
				(name, tier) -> tiers.put(name, new TenantTerms(name, tier.getWeight(), tier.getBudget().toBudget())));
		return tiers;
	}

	private static void weight(String property, int weight) {
		if (weight < 1 || weight > TenantTerms.MAX_WEIGHT) {
			throw new InvalidConfigurationPropertyValueException(property, weight,
					"Must be from 1 to " + TenantTerms.MAX_WEIGHT + ": the tenant's share of a contended lane.");
		}
	}

	/**
	 * Settings of one tenant; unset values come from its tier.
	 */
	public static class Tenant {

		/**
		 * Weight of the tenant between the tenants waiting in a lane, from 1 to 1000: a
		 * tenant of weight 3 is admitted three times as often as one of weight 1.
		 * Defaults to the weight of its tier.
		 */
		private @Nullable Integer weight;

		/**
		 * Tier of the tenant, whatever its token says; must name a tier of
		 * deepseek.tiers.
		 */
		private @Nullable String tier;

		private final Budget budget = new Budget();

		public @Nullable Integer getWeight() {
			return this.weight;
		}

		public void setWeight(@Nullable Integer weight) {
			this.weight = weight;
		}

		public @Nullable String getTier() {
			return this.tier;
		}

		public void setTier(@Nullable String tier) {
			this.tier = tier;
		}

		public Budget getBudget() {
			return this.budget;
		}

	}

	/**
	 * Settings of one tier.
	 */
	public static class Tier {

		/**
		 * Weight of each tenant of the tier between the tenants waiting in a lane, from 1
		 * to 1000.
		 */
		private int weight = 1;

		/**
		 * Share of every lane's effective limit reserved for the tier, in (0, 1]: other
		 * tiers never take the part of it the tier does not use. All shares add up to at
		 * most 1.
		 */
		private @Nullable Double reservedShare;

		private final Budget budget = new Budget();

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public @Nullable Double getReservedShare() {
			return this.reservedShare;
		}

		public void setReservedShare(@Nullable Double reservedShare) {
			this.reservedShare = reservedShare;
		}

		public Budget getBudget() {
			return this.budget;
		}

	}

	/**
	 * A token budget per tenant.
	 */
	public static class Budget {

		/**
		 * Maximum tokens a tenant may use per clock hour (UTC), input and output; 0 for
		 * no hourly budget.
		 */
		private long hourly;

		/**
		 * Maximum tokens a tenant may use per day (UTC), input and output; 0 for no daily
		 * budget.
		 */
		private long daily;

		public long getHourly() {
			return this.hourly;
		}

		public void setHourly(long hourly) {
			this.hourly = hourly;
		}

		public long getDaily() {
			return this.daily;
		}

		public void setDaily(long daily) {
			this.daily = daily;
		}

		boolean isSet() {
			return this.hourly != 0 || this.daily != 0;
		}

		TokenBudget toBudget() {
			return new TokenBudget(this.hourly, this.daily);
		}

		void validate(String prefix) {
			if (this.hourly < 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".hourly", this.hourly,
						"Must be 0 (no budget) or more.");
			}
			if (this.daily < 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".daily", this.daily,
						"Must be 0 (no budget) or more.");
			}
		}

	}

	/**
	 * Where a caller's tier comes from.
	 */
	public static class TenantTier {

		/**
		 * Claim of the caller's token (JWT, OIDC or introspected) that names its tier,
		 * such as plan.
		 */
		private @Nullable String claim;

		/**
		 * Prefix of the caller's granted authorities that name its tier: with TIER_, the
		 * authority TIER_paid puts the caller in the tier paid.
		 */
		private @Nullable String authorityPrefix;

		/**
		 * Tier of a caller whose tier is neither configured nor found in its token.
		 */
		private String defaultTier = TenantTerms.DEFAULT_TIER;

		public @Nullable String getClaim() {
			return this.claim;
		}

		public void setClaim(@Nullable String claim) {
			this.claim = claim;
		}

		public @Nullable String getAuthorityPrefix() {
			return this.authorityPrefix;
		}

		public void setAuthorityPrefix(@Nullable String authorityPrefix) {
			this.authorityPrefix = authorityPrefix;
		}

		public String getDefaultTier() {
			return this.defaultTier;
		}

		public void setDefaultTier(String defaultTier) {
			this.defaultTier = defaultTier;
		}

	}

	/**
	 * How calls are charged against token budgets.
	 */
	public static class Budgets {

		/**
		 * What an input token served from DeepSeek's cache counts for against a budget,
		 * from 0 to 1; 1 counts it as any other token.
		 */
		private double cacheHitRate = 1;

		public double getCacheHitRate() {
			return this.cacheHitRate;
		}

		public void setCacheHitRate(double cacheHitRate) {
			this.cacheHitRate = cacheHitRate;
		}

	}

}
