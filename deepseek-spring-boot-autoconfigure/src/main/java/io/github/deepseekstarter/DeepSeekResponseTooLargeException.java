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

import org.springframework.util.unit.DataSize;

/**
 * An answer of DeepSeek was larger than the client holds in memory: one event of a stream
 * or one line of it, or the body of a non-streamed answer. The call fails instead of
 * growing the memory without bound; the message names the property that raises the limit.
 * The call's lane permit is released like on any other failure.
 */
public class DeepSeekResponseTooLargeException extends DeepSeekException {

	private final DataSize limit;

	/**
	 * Creates the exception.
	 * @param message what was too large, and which property raises the limit
	 * @param limit the limit that was exceeded
	 * @param cause the decoder's exception
	 */
	public DeepSeekResponseTooLargeException(String message, DataSize limit, Throwable cause) {
		super(message, cause);
		this.limit = limit;
	}

	/**
	 * The limit that was exceeded.
	 * @return the limit
	 */
	public DataSize limit() {
		return this.limit;
	}

}
