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

import reactor.core.publisher.Mono;

/**
 * One client under load: sends the same small chat completion, streamed or not, the way
 * its library is meant to be used. A failed call signals an error; the harness tells
 * server 429s from other failures with {@link Failures}.
 */
public interface LoadClient extends AutoCloseable {

	/**
	 * Sends one non-streamed completion and reads the whole answer.
	 * @param model the model to ask
	 * @return completes when the answer has been read
	 */
	Mono<Void> complete(String model);

	/**
	 * Sends one streamed completion and reads every chunk.
	 * @param model the model to ask
	 * @return completes when the stream has ended
	 */
	Mono<Void> stream(String model);

	/**
	 * Releases the client's connections and threads.
	 */
	@Override
	void close();

}
