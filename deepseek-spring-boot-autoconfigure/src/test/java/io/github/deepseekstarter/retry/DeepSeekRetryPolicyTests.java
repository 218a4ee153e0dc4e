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

package io.github.deepseekstarter.retry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeepSeekRetryPolicy}.
 */
class DeepSeekRetryPolicyTests {

	private final DeepSeekRetryPolicy policy = new DeepSeekRetryPolicy(
			new RetrySettings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(2), Duration.ofSeconds(30)));

	@Test
	void retriesTransientErrorsUntilSuccess() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono.defer(() -> switch (attempts.incrementAndGet()) {
			case 1 -> Mono.error(DeepSeekApiException.create(429, "busy", "rate_limit_error", null, null, null));
			case 2 -> Mono.error(DeepSeekApiException.create(503, "overloaded", null, null, null, null));
			default -> Mono.just("ok");
		});
		StepVerifier.create(this.policy.apply(call)).expectNext("ok").expectComplete().verify(TIMEOUT);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void givesUpAfterMaxAttemptsWithTheLastError() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(DeepSeekApiException.create(500, "boom", null, null, null, null));
		});
		StepVerifier.create(this.policy.apply(call))
			.expectError(DeepSeekApiException.ServerError.class)
			.verify(TIMEOUT);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void neverRetriesClientErrors() {
		for (RuntimeException error : new RuntimeException[] {
				DeepSeekApiException.create(400, "bad", null, null, null, null),
				DeepSeekApiException.create(401, "auth", null, null, null, null),
				DeepSeekApiException.create(402, "money", null, null, null, null),
				DeepSeekApiException.create(422, "params", null, null, null, null) }) {
			AtomicInteger attempts = new AtomicInteger();
			Mono<String> call = Mono.defer(() -> {
				attempts.incrementAndGet();
				return Mono.error(error);
			});
			StepVerifier.create(this.policy.apply(call)).expectErrorMatches((ex) -> ex == error).verify(TIMEOUT);
			assertThat(attempts).as(error.getClass().getSimpleName()).hasValue(1);
		}
	}

	@Test
	void neverRetriesAStreamThatDeliveredAToken() {
		AtomicInteger attempts = new AtomicInteger();
		Flux<String> stream = Flux.defer(() -> {
			attempts.incrementAndGet();
			return Flux.just("token")
				.concatWith(Flux.error(new DeepSeekStreamInterruptedException("token", "", 1, null)));
		});
		StepVerifier.create(this.policy.apply(stream))
			.expectNext("token")
			.expectError(DeepSeekStreamInterruptedException.class)
			.verify(TIMEOUT);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void honoursRetryAfterBeforeTheNextAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		StepVerifier
			.withVirtualTime(() -> this.policy.apply(Mono.defer(() -> (attempts.incrementAndGet() == 1)
					? Mono.error(DeepSeekApiException.create(429, "busy", null, null, Duration.ofSeconds(7), null))
					: Mono.just("ok"))))
			.expectSubscription()
			.then(() -> assertThat(attempts).hasValue(1))
			.thenAwait(Duration.ofSeconds(6))
			.then(() -> assertThat(attempts).as("not before Retry-After").hasValue(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void capsALongRetryAfter() {
		DeepSeekRetryPolicy capped = new DeepSeekRetryPolicy(
				new RetrySettings(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(2), Duration.ofSeconds(3)));
		AtomicInteger attempts = new AtomicInteger();
		StepVerifier
			.withVirtualTime(() -> capped.apply(Mono.defer(() -> (attempts.incrementAndGet() == 1)
					? Mono.error(DeepSeekApiException.create(429, "busy", null, null, Duration.ofHours(1), null))
					: Mono.just("ok"))))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectNext("ok")
			.expectComplete()
			.verify(TIMEOUT);
	}

}
