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

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The failure detector of the lease store: a Resilience4j {@link CircuitBreaker} around
 * every Redis command, so that one slow or failed reply is not taken for an outage.
 * <p>
 * It opens when at least {@value #FAILURE_RATE_THRESHOLD}% of the last
 * {@value #SLIDING_WINDOW_SIZE} commands failed (a timeout after the command timeout is a
 * failure), once at least {@value #MINIMUM_NUMBER_OF_CALLS} were made. Open, it lets no
 * command through for one command timeout, then half-opens by itself and lets
 * {@value #PERMITTED_CALLS_IN_HALF_OPEN_STATE} probe through (a heartbeat of every lane,
 * sent at once): its success closes the breaker, its failure opens it again.
 */
final class RedisCircuitBreaker {

	/** Percentage of failed commands in the window that opens the breaker. */
	static final int FAILURE_RATE_THRESHOLD = 50;

	/** Number of the latest commands the failure rate is computed over. */
	static final int SLIDING_WINDOW_SIZE = 10;

	/** Commands needed in the window before the failure rate counts. */
	static final int MINIMUM_NUMBER_OF_CALLS = 5;

	/** Probes let through when the breaker half-opens. */
	static final int PERMITTED_CALLS_IN_HALF_OPEN_STATE = 1;

	private RedisCircuitBreaker() {
	}

	/**
	 * Creates the breaker of one permits factory.
	 * @param name the breaker's name
	 * @param settings the settings whose command timeout is the time spent open
	 * @return the breaker
	 */
	static CircuitBreaker create(String name, RedisPermitsSettings settings) {
		Duration open = settings.commandTimeout();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(SLIDING_WINDOW_SIZE)
			// Outcomes are recorded on event loops and timers: the window must not lock.
			.slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
			.minimumNumberOfCalls(MINIMUM_NUMBER_OF_CALLS)
			.failureRateThreshold(FAILURE_RATE_THRESHOLD)
			.waitDurationInOpenState(open)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.permittedNumberOfCallsInHalfOpenState(PERMITTED_CALLS_IN_HALF_OPEN_STATE)
			// A probe that gets no answer must not keep the breaker half-open.
			.maxWaitDurationInHalfOpenState(settings.leaseTime())
			.build();
		return CircuitBreaker.of(name, config);
	}

}
