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

/**
 * How transient DeepSeek errors (429, 500, 503) are retried.
 *
 * @param maxAttempts the most attempts of one call, the first included; 1 disables
 * retries
 * @param initialBackoff the wait before the first retry, before jitter
 * @param multiplier the growth of the wait between retries
 * @param maxBackoff the longest wait between retries
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are cut to
 * this
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
		Duration maxRetryAfter) {

	/**
	 * Three attempts, from 200 ms doubling up to 5 s, {@code Retry-After} honoured up to
	 * 30 s.
	 */
	public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(200), 2.0,
			Duration.ofSeconds(5), Duration.ofSeconds(30));

	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("deepseek.retry.max-attempts must be at least 1, was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero()) {
			throw new IllegalArgumentException("deepseek.retry.initial-backoff must be positive");
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("deepseek.retry.multiplier must be at least 1, was " + multiplier);
		}
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("deepseek.retry.max-backoff must not be below initial-backoff");
		}
		if (maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("deepseek.retry.max-retry-after must not be negative");
		}
	}

}
