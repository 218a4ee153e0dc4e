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

import org.jspecify.annotations.Nullable;

/**
 * The connection to DeepSeek failed: it could not be opened, it was reset, or no byte at
 * all (not even a keep-alive) arrived within the idle timeout.
 */
public class DeepSeekTransportException extends DeepSeekException {

	/**
	 * Creates the exception.
	 * @param message what failed, and which property or call changes it
	 * @param cause the transport's exception
	 */
	public DeepSeekTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
