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

package io.github.deepseekstarter.identity;

import io.github.deepseekstarter.DeepSeekException;
import org.jspecify.annotations.Nullable;

/**
 * Signals that the {@code user_id} of a request is invalid or could not be determined. It
 * is raised before anything is sent. The message says what is wrong and what to change,
 * and never contains a caller's identity in full.
 */
public class InvalidUserIdException extends DeepSeekException {

	/**
	 * Create an exception with an actionable message.
	 * @param message what is wrong and what to change, with any identity masked
	 */
	public InvalidUserIdException(String message) {
		super(message);
	}

	/**
	 * Create an exception with an actionable message and its cause.
	 * @param message what is wrong and what to change, with any identity masked
	 * @param cause the underlying failure
	 */
	public InvalidUserIdException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
