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

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.identity.TenantPolicy;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code deepseek.tenants.*}, {@code deepseek.tiers.*} and
 * {@code deepseek.tenant-tier.*} reach the tenant policy and the limiter, and that an
 * invalid value fails startup naming its property.
 */
class DeepSeekTenantPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class,
				DeepSeekSecurityAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test-123", "deepseek.user-id.secret=test-secret-of-at-least-32-bytes");

	@Test
	void tenantsAndTiersReachTheTenantPolicy() {
		this.contextRunner
			.withPropertyValues("deepseek.tiers.paid.weight=3", "deepseek.tiers.paid.budget.daily=1000000",
					"deepseek.tiers.paid.reserved-share=0.25", "deepseek.tenants.acme.tier=paid",
					"deepseek.tenants.acme.budget.hourly=5000", "deepseek.tenants.globex.weight=2",
					"deepseek.tenant-tier.authority-prefix=TIER_")
			.run((context) -> {
				TenantPolicy policy = context.getBean(TenantPolicy.class);
				assertThat(policy.terms("acme").block())
					.isEqualTo(new TenantTerms("paid", 3, new TokenBudget(5000, 0)));
				assertThat(Mono.defer(() -> policy.terms("globex")).block())
					.isEqualTo(new TenantTerms("default", 2, TokenBudget.UNLIMITED));
				assertThat(context.getBean(DeepSeekLimiter.class).config().reservedShares()).containsEntry("paid",
						0.25);
			});
	}

	@Test
	void weightOutOfRangeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.tenants.acme.weight=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.tenants.acme.weight"));
	}

	@Test
	void reservedSharesOverTheWholeLaneFailStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("deepseek.tiers.a.reserved-share=0.7", "deepseek.tiers.b.reserved-share=0.4")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.tiers.b.reserved-share"));
	}

	@Test
	void tenantTierMustBeAConfiguredTier() {
		this.contextRunner.withPropertyValues("deepseek.tenants.acme.tier=gold")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.tenants.acme.tier"));
	}

	@Test
	void negativeBudgetFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.tiers.free.budget.hourly=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.tiers.free.budget.hourly"));
	}

	@Test
	void cacheHitRateOutOfRangeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.budgets.cache-hit-rate=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.budgets.cache-hit-rate"));
	}

}
