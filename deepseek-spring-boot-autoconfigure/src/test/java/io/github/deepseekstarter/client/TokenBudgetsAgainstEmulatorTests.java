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

package io.github.deepseekstarter.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.limit.LocalTokenBudgets;
import io.github.deepseekstarter.limit.TestClock;
import io.github.deepseekstarter.limit.TokenBudgetExceededException;
import io.github.deepseekstarter.limit.TokenCharge;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.LONG_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests token budgets through the template against the emulator: usage reported by the
 * server counts, the call over the budget is refused before any byte is sent, and the
 * budget starts again at the next hour of a test clock.
 */
@ExtendWith(BlockHoundInstalled.class)
class TokenBudgetsAgainstEmulatorTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(DeepSeekEmulator.builder());

	@Test
	void callOverTheBudgetIsNeverSentAndTheBudgetResetsAtTheNextHour() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("one two three"));
		TestClock clock = new TestClock(Instant.parse("2026-12-01T10:59:00Z"));
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build(), BulkheadAccountPermits.factory(),
				LimiterListener.NONE, new LocalTokenBudgets(clock), TokenCharge.FULL);
		TenantTerms terms = new TenantTerms("free", 1, new TokenBudget(5, 0));
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.limiter(limiter)
			.userIds(new UserIdResolution(UserIdPolicy.raw(), List.of(() -> Mono.just("acme")),
					AnonymousUserIdStrategy.none(), false, (identity) -> Mono.just(terms)))
			.build();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("hello there")))
			.expectNextCount(1)
			.expectComplete()
			.verify(LONG_TIMEOUT);
		long used = limiter.budgetUse("acme", terms).hourly();
		assertThat(used).as("input and output tokens the emulator reported").isGreaterThanOrEqualTo(5);
		StepVerifier.create(template.chat(ChatCompletionRequest.of("again")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TokenBudgetExceededException.class)
				.hasMessageContaining("hourly token budget of 5 tokens (tier 'free')")
				.hasMessageContaining("resets at 2026-12-01T11:00:00Z"))
			.verify(LONG_TIMEOUT);
		assertThat(emulator.totalRequests()).as("the rejected call sent nothing").isEqualTo(1);
		clock.advance(Duration.ofMinutes(1));
		StepVerifier.create(template.chat(ChatCompletionRequest.of("new hour")))
			.expectNextCount(1)
			.expectComplete()
			.verify(LONG_TIMEOUT);
		assertThat(emulator.totalRequests()).isEqualTo(2);
	}

}
