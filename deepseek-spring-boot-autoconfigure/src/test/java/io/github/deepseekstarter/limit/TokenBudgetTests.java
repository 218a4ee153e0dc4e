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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests token budgets on a test clock: the call that crosses a budget runs, the next one
 * is rejected before its body runs with the budget and its reset named, and the budget
 * starts again at the period's boundary.
 */
@ExtendWith(BlockHoundInstalled.class)
class TokenBudgetTests {

	private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:15:00Z"));

	private final List<BudgetPeriod> rejections = new ArrayList<>();

	private final AtomicInteger bodies = new AtomicInteger();

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build(),
			BulkheadAccountPermits.factory(), new LimiterListener() {
				@Override
				public void onBudgetRejected(String lane, Admission admission, BudgetPeriod period) {
					TokenBudgetTests.this.rejections.add(period);
				}
			}, new LocalTokenBudgets(this.clock), new TokenCharge(0.1));

	@Test
	void callThatCrossesTheBudgetRunsAndTheNextIsRejectedUntilTheHourEnds() {
		Admission acme = admission("acme", new TokenBudget(1000, 0));
		call(acme, 400, 0, 300).expectNext("ok").expectComplete().verify(TIMEOUT);
		call(acme, 200, 0, 200).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(this.limiter.budgetUse("acme", acme.terms())).isEqualTo(new BudgetUse(1100, 1100));
		assertThat(this.bodies).hasValue(2);
		call(acme, 1, 0, 1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(TokenBudgetExceededException.class)
				.hasMessageContaining("hourly token budget of 1000 tokens")
				.hasMessageContaining("resets at 2026-12-01T11:00:00Z");
			TokenBudgetExceededException exceeded = (TokenBudgetExceededException) ex;
			assertThat(exceeded.period()).isEqualTo(BudgetPeriod.HOUR);
			assertThat(exceeded.used()).isEqualTo(1100);
			assertThat(exceeded.resetsAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
		}).verify(TIMEOUT);
		assertThat(this.bodies).as("nothing is sent once the budget is used up").hasValue(2);
		assertThat(this.rejections).containsExactly(BudgetPeriod.HOUR);
		assertThat(this.limiter.snapshot("m").inUse()).isZero();
		this.clock.advance(Duration.ofMinutes(44).plusSeconds(59));
		call(acme, 1, 0, 1).expectError(TokenBudgetExceededException.class).verify(TIMEOUT);
		this.clock.advance(Duration.ofSeconds(1));
		call(acme, 1, 0, 1).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(this.limiter.budgetUse("acme", acme.terms())).isEqualTo(new BudgetUse(2, 1102));
	}

	@Test
	void dailyBudgetOutlastsTheHourAndResetsAtMidnight() {
		Admission acme = admission("acme", new TokenBudget(1000, 1500));
		call(acme, 1000, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
		this.clock.advance(Duration.ofHours(1));
		call(acme, 600, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
		this.clock.advance(Duration.ofHours(1));
		call(acme, 1, 0, 0)
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("daily token budget")
				.hasMessageContaining("resets at 2026-12-02T00:00:00Z"))
			.verify(TIMEOUT);
		this.clock.advance(Duration.ofHours(12));
		call(acme, 1, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
	}

	@Test
	void budgetsAreCountedPerTenant() {
		TokenBudget budget = new TokenBudget(100, 0);
		call(admission("a", budget), 100, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
		call(admission("a", budget), 1, 0, 0).expectError(TokenBudgetExceededException.class).verify(TIMEOUT);
		call(admission("b", budget), 1, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
	}

	@Test
	void cacheHitsCountAtTheirOwnRate() {
		Admission acme = admission("acme", new TokenBudget(1000, 0));
		call(acme, 1000, 900, 50).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(this.limiter.budgetUse("acme", acme.terms()).hourly()).isEqualTo(100 + 90 + 50);
	}

	@Test
	void tenantsWithoutBudgetAreNeverCounted() {
		Admission free = Admission.of("m", "free");
		call(free, 1_000_000, 0, 0).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(this.limiter.budgetUse("free", free.terms())).isEqualTo(BudgetUse.NONE);
	}

	private StepVerifier.FirstStep<String> call(Admission admission, long input, long cacheHit, long output) {
		return StepVerifier.create(this.limiter.withPermitMono(admission, (permit) -> Mono.fromCallable(() -> {
			this.bodies.incrementAndGet();
			permit.onUsage(input, cacheHit, output);
			return "ok";
		})));
	}

	private static Admission admission(String tenant, TokenBudget budget) {
		return Admission.of("m", tenant).withTerms(new TenantTerms("paid", 1, budget));
	}

}
