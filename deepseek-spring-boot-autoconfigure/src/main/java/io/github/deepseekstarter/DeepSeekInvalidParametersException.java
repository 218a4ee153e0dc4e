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
 * DeepSeek rejected the request's parameters (422). Not retried.
 */
public class DeepSeekInvalidParametersException extends DeepSeekApiException {

	/**
	 * Creates the exception.
	 * @param serverMessage the server's message
	 * @param errorType the envelope's {@code type}
	 * @param errorCode the envelope's {@code code}
	 * @param retryAfter the {@code Retry-After} delay, if any
	 */
	public DeepSeekInvalidParametersException(String serverMessage, @Nullable String errorType,
			@Nullable String errorCode, @Nullable Duration retryAfter) {
		super(422, serverMessage, errorType, errorCode, retryAfter, "Fix the request parameters; it is not retried");
	}

}
