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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker around Redis commands records outcomes on event loops and timers, where
 * nothing may wait for a lock.
 */
@ExtendWith(BlockHoundInstalled.class)
class RedisCircuitBreakerTests {

	@Test
	void outcomesRecordedAtOnceOnEveryParallelThreadNeverWaitForALock() {
		CircuitBreaker breaker = RedisCircuitBreaker.create("test",
				Replica.settings(Duration.ofSeconds(60), OutagePolicy.FAIL_CLOSED, 2));
		assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowSynchronizationStrategy())
			.isEqualTo(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE);
		int threads = Math.max(2, Schedulers.DEFAULT_POOL_SIZE);
		// Successes keep the breaker closed, so every outcome goes to the window.
		List<Long> recorded = Flux.range(0, threads)
			.flatMap((thread) -> Mono.fromCallable(() -> record(breaker, 200_000)).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(recorded).hasSize(threads).allSatisfy((count) -> assertThat(count).isEqualTo(200_000L));
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private static long record(CircuitBreaker breaker, int outcomes) {
		long count = 0;
		for (int i = 0; i < outcomes; i++) {
			if (i % 100 == 0) {
				breaker.onError(1, TimeUnit.MILLISECONDS, new TimeoutException("slow"));
			}
			else {
				breaker.onSuccess(1, TimeUnit.MILLISECONDS);
			}
			count++;
		}
		return count;
	}

}
