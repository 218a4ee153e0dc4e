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

package io.github.deepseekstarter;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * DeepSeek refused the request because the account (or the {@code user_id}) is at its
 * concurrency limit (429). The message often names the real limit, which can be lower
 * than the published one.
 */
public class DeepSeekRateLimitException extends DeepSeekApiException {

	private final @Nullable Integer concurrencyLimit;

	/**
	 * Creates the exception.
	 * @param serverMessage the server's message
	 * @param errorType the envelope's {@code type}
	 * @param errorCode the envelope's {@code code}
	 * @param retryAfter the {@code Retry-After} delay, if any
	 * @param concurrencyLimit the limit named by the message, if any
	 */
	public DeepSeekRateLimitException(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
			@Nullable Duration retryAfter, @Nullable Integer concurrencyLimit) {
		super(429, serverMessage, errorType, errorCode, retryAfter,
				"The client lowers the model's lane to the limit the server named and retries without holding a permit");
		this.concurrencyLimit = concurrencyLimit;
	}

	/**
	 * The concurrency limit the server's message named.
	 * @return the limit, or {@code null}
	 */
	public @Nullable Integer concurrencyLimit() {
		return this.concurrencyLimit;
	}

}
