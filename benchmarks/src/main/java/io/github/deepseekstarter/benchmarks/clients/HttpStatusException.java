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

package io.github.deepseekstarter.benchmarks.clients;

/**
 * A non-2xx answer seen by the raw floor, which has no exception types of its own.
 */
public class HttpStatusException extends RuntimeException {

	private final int status;

	/**
	 * Creates the exception.
	 * @param status the HTTP status
	 */
	public HttpStatusException(int status) {
		super("HTTP " + status, null, false, false);
		this.status = status;
	}

	/**
	 * The HTTP status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

}
