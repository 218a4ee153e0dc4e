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

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The caller threads of a blocking client: one thread per call in flight, as a servlet
 * application would spend them, so that their cost is counted against the client.
 */
final class CallerThreads implements AutoCloseable {

	private final Scheduler scheduler;

	CallerThreads(String name, int maxConcurrency) {
		this.scheduler = Schedulers.newBoundedElastic(maxConcurrency, Integer.MAX_VALUE, name, 60, true);
	}

	Mono<Void> call(Callable<?> call) {
		return Mono.fromCallable(call).subscribeOn(this.scheduler).then();
	}

	@Override
	public void close() {
		this.scheduler.dispose();
	}

}
