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

/**
 * The request waited in DeepSeek's own queue and inference never started: DeepSeek closed
 * the connection after sending only keep-alives (it does so after 10 minutes), or the
 * client's pre-inference timeout passed first. This is a healthy but overloaded server,
 * not a broken connection.
 */
public class DeepSeekServerQueueTimeoutException extends DeepSeekException {

	private final int keepAlives;

	private final Duration waited;

	/**
	 * Creates the exception.
	 * @param keepAlives the keep-alives received while waiting
	 * @param waited how long the request waited
	 * @param closedByServer whether the server closed the connection, rather than the
	 * client's timeout expiring
	 */
	public DeepSeekServerQueueTimeoutException(int keepAlives, Duration waited, boolean closedByServer) {
		super((closedByServer ? "DeepSeek closed the connection" : "The pre-inference timeout expired")
				+ " before inference started, after " + waited.toMillis() + " ms and " + keepAlives
				+ " keep-alives in the server's queue"
				+ (closedByServer ? "" : "; raise " + DeepSeekPropertyNames.TIMEOUTS_PRE_INFERENCE
						+ " to wait longer (DeepSeek itself waits 10 minutes)"));
		this.keepAlives = keepAlives;
		this.waited = waited;
	}

	/**
	 * The keep-alives received while waiting.
	 * @return the count
	 */
	public int keepAlives() {
		return this.keepAlives;
	}

	/**
	 * How long the request waited in the server's queue.
	 * @return the wait
	 */
	public Duration waited() {
		return this.waited;
	}

}
