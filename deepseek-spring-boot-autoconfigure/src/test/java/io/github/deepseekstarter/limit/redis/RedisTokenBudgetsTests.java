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

package io.github.deepseekstarter.limit.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.limit.TestClock;
import io.github.deepseekstarter.limit.TokenBudgetExceededException;
import io.github.deepseekstarter.limit.TokenCharge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests one token budget shared by two replicas over a real {@code redis-server}: what
 * one replica's calls use counts on the other, the call that crosses the budget runs on
 * whichever replica, the next is rejected on both before its body runs, and the budget
 * starts again at the next hour of a test clock.
 */
class RedisTokenBudgetsTests {

	private static final TenantTerms TERMS = new TenantTerms("free", 1, new TokenBudget(1000, 0));

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:30:00Z"));

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final AtomicInteger bodies = new AtomicInteger();

	@AfterEach
	void closeConnections() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void twoReplicasShareOneBudget() throws Exception {
		RedisTokenBudgets budgetsA = budgets();
		DeepSeekLimiter a = replica(budgetsA);
		DeepSeekLimiter b = replica(budgets());
		String hourKey = budgetsA.key("acme", BudgetPeriod.HOUR, this.clock.instant());
		call(a, 600).expectNext("ok").expectComplete().verify(TIMEOUT);
		awaitCount(hourKey, 600);
		call(b, 500).as("crosses the budget, so it runs").expectNext("ok").expectComplete().verify(TIMEOUT);
		awaitCount(hourKey, 1100);
		call(a, 1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TokenBudgetExceededException.class)
				.hasMessageContaining("hourly token budget of 1000 tokens")
				.hasMessageContaining("with 1100 tokens")
				.hasMessageContaining("resets at 2026-12-01T11:00:00Z"))
			.verify(TIMEOUT);
		call(b, 1).expectError(TokenBudgetExceededException.class).verify(TIMEOUT);
		assertThat(this.bodies).as("rejected calls never ran").hasValue(2);
		assertThat(this.redis.command("TTL " + hourKey)).as("the counter expires after its hour")
			.matches(":(1[0-9]{3}|[0-9]{3}|[0-9]{2})");
		this.clock.advance(Duration.ofMinutes(30));
		call(b, 10).expectNext("ok").expectComplete().verify(TIMEOUT);
		call(a, 10).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(this.bodies).hasValue(4);
		String nextHour = budgetsA.key("acme", BudgetPeriod.HOUR, this.clock.instant());
		awaitCount(nextHour, 20);
		assertThat(budgetsA.use("acme", TERMS.budget()).hourly()).isEqualTo(20);
	}

	private void awaitCount(String key, long tokens) {
		// The count is written in the background after the call; INCRBY 0 reads it as a
		// number.
		await().atMost(TIMEOUT)
			.until(() -> this.redis.command("INCRBY " + key + " 0"), (reply) -> reply.equals(":" + tokens));
	}

	private StepVerifier.FirstStep<String> call(DeepSeekLimiter limiter, long tokens) {
		Admission admission = Admission.of(LimiterConfig.FLASH, "acme").withTerms(TERMS);
		return StepVerifier.create(limiter.withPermitMono(admission, (permit) -> Mono.fromCallable(() -> {
			this.bodies.incrementAndGet();
			permit.onUsage(tokens, 0, 0);
			return "ok";
		})));
	}

	private RedisTokenBudgets budgets() {
		LettuceConnectionFactory connection = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		connection.afterPropertiesSet();
		connection.start();
		this.connections.add(connection);
		return new RedisTokenBudgets(connection, "deepseek:test", TIMEOUT, this.clock);
	}

	private static DeepSeekLimiter replica(RedisTokenBudgets budgets) {
		return new DeepSeekLimiter(LimiterConfig.builder().build(), BulkheadAccountPermits.factory(),
				LimiterListener.NONE, budgets, TokenCharge.FULL);
	}

}
