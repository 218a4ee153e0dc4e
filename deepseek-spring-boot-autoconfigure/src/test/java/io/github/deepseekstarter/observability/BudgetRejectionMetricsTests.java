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

import java.time.Instant;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.BudgetUse;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LocalTokenBudgets;
import io.github.deepseekstarter.limit.TestClock;
import io.github.deepseekstarter.limit.TenantUsage;
import io.github.deepseekstarter.limit.TokenBudgetExceededException;
import io.github.deepseekstarter.limit.TokenCharge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that budget rejections are counted in {@code deepseek.budget.rejections} and that
 * the busiest tenants show their tier, weight and budget use, as the actuator endpoint
 * shows them.
 */
class BudgetRejectionMetricsTests {

	@Test
	void budgetRejectionsAreCountedAndBusyTenantsShowTheirTerms() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build(), BulkheadAccountPermits.factory(),
				new MicrometerLimiterListener(meters),
				new LocalTokenBudgets(new TestClock(Instant.parse("2026-12-01T10:00:00Z"))), TokenCharge.FULL);
		Admission acme = Admission.of(LimiterConfig.FLASH, "acme")
			.withTerms(new TenantTerms("paid", 3, new TokenBudget(100, 0)));
		Sinks.Empty<Void> held = Sinks.empty();
		limiter.withPermitMono(acme, (permit) -> {
			permit.onUsage(150, 0, 0);
			return held.asMono();
		}).subscribe();
		assertThat(limiter.busiestTenants(5))
			.containsExactly(new TenantUsage(LimiterConfig.FLASH, "acme", 1, 0, "paid", 3, new BudgetUse(150, 150)));
		StepVerifier.create(limiter.withPermitMono(acme, (permit) -> Mono.just("sent")))
			.expectError(TokenBudgetExceededException.class)
			.verify(TIMEOUT);
		assertThat(meters.get(DeepSeekMeterNames.BUDGET_REJECTIONS)
			.tag(DeepSeekMeterNames.TAG_MODEL, LimiterConfig.FLASH)
			.tag(DeepSeekMeterNames.TAG_PERIOD, "hour")
			.counter()
			.count()).isEqualTo(1);
		held.tryEmitEmpty();
	}

}
