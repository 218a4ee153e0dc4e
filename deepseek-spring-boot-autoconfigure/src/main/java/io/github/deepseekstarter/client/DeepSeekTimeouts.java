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

import io.github.deepseekstarter.InvalidSettingException;

/**
 * The client's timeouts, each telling a different state apart.
 *
 * @param connect how long opening a connection may take
 * @param preInference how long a stream may wait in DeepSeek's queue, receiving only
 * keep-alives; just above DeepSeek's own 10 minutes by default so that the server's close
 * is seen and reported as such
 * @param idle how long the connection may stay silent, keep-alives included, before it
 * counts as dead
 */
public record DeepSeekTimeouts(Duration connect, Duration preInference, Duration idle) {

	public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_PRE_INFERENCE = Duration.ofMinutes(10).plusSeconds(30);

	public static final Duration DEFAULT_IDLE = Duration.ofMinutes(2);

	/** The defaults: 10 s to connect, 10 min 30 s before inference, 2 min of silence. */
	public static final DeepSeekTimeouts DEFAULTS = new DeepSeekTimeouts(DEFAULT_CONNECT, DEFAULT_PRE_INFERENCE,
			DEFAULT_IDLE);

	/**
	 * Validates the timeouts.
	 * @throws InvalidSettingException naming the component that is not a positive
	 * duration
	 */
	public DeepSeekTimeouts {
		positive(connect, "connect");
		positive(preInference, "preInference");
		positive(idle, "idle");
	}

	private static void positive(Duration value, String setting) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidSettingException(setting, "must be a positive duration", value);
		}
	}

}
