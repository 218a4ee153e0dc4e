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

package io.github.deepseekstarter.autoconfigure.diagnostics;

/**
 * Thrown at startup when {@code deepseek.distributed.enabled=true} but distributed lanes
 * cannot work, for example because Spring Data Redis is not on the classpath.
 * {@link DistributedModeUnavailableFailureAnalyzer} explains it and names the fix.
 */
public class DistributedModeUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is missing, for example
	 * {@code "Spring Data Redis is not on the classpath"}
	 */
	public DistributedModeUnavailableException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with its cause.
	 * @param message what is missing
	 * @param cause the failure that revealed it
	 */
	public DistributedModeUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
