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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the account permits of a {@link RedisAccountPermitsFactory} come from at one
 * moment, for health reporting.
 *
 * @param mode where new permits come from
 * @param since when the factory entered this mode (a breaker half-opening and opening
 * again is the same outage)
 * @param lastError a description of the last Redis failure (its type and message), or
 * {@code null} if there was none
 * @param circuitBreaker the state of the circuit breaker around the Redis commands:
 * {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 */
public record RedisPermitsState(Mode mode, Instant since, @Nullable String lastError, String circuitBreaker) {

	/**
	 * Where new permits come from.
	 */
	public enum Mode {

		/** Leases in Redis, shared by every replica. */
		REDIS,

		/** Redis does not answer; each replica grants its local share. */
		FALLBACK_LOCAL,

		/** Redis does not answer; no permit is granted until it does. */
		FAIL_CLOSED

	}

}
