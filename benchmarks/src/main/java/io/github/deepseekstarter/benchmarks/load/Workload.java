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

package io.github.deepseekstarter.benchmarks.load;

/**
 * The three workloads, each a question a team asks of a client.
 */
public enum Workload {

	/** Small non-streamed completions at the highest rate the client sustains. */
	THROUGHPUT("Small non-streaming completions, closed loop"),

	/** Many streams held open by keep-alives in the server's queue, then streamed. */
	STREAMS("Concurrent streams held open through keep-alives, then streamed"),

	/** Twice the account's concurrency limit offered at once. */
	OVERLOAD("Twice the account limit offered");

	private final String title;

	Workload(String title) {
		this.title = title;
	}

	/**
	 * The title of the workload's table.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

}
