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

import io.github.deepseekstarter.InvalidSettingException;

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

	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

	public static final double DEFAULT_MULTIPLIER = 2.0;

	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

	/**
	 * Three attempts, from 200 ms doubling up to 5 s, {@code Retry-After} honoured up to
	 * 30 s.
	 */
	public static final RetrySettings DEFAULTS = new RetrySettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF,
			DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);

	/**
	 * Validates the settings.
	 * @throws InvalidSettingException naming the component of an invalid value
	 */
	public RetrySettings {
		if (maxAttempts < 1) {
			throw new InvalidSettingException("maxAttempts", "must be at least 1 (1 disables retries)", maxAttempts);
		}
		positive(initialBackoff, "initialBackoff");
		if (multiplier < 1.0) {
			throw new InvalidSettingException("multiplier", "must be at least 1", multiplier);
		}
		positive(maxBackoff, "maxBackoff");
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new InvalidSettingException("maxBackoff", "must not be below initialBackoff " + initialBackoff,
					maxBackoff);
		}
		positive(maxRetryAfter, "maxRetryAfter");
	}

	private static void positive(Duration value, String setting) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidSettingException(setting, "must be a positive duration", value);
		}
	}

}
