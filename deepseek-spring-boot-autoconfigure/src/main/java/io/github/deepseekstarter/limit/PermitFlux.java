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

package io.github.deepseekstarter.limit;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * A body that runs while holding a permit: every subscription acquires its own.
 */
final class PermitFlux<T> extends Flux<T> {

	private final Admission admission;

	private final Function<Permit, ? extends Publisher<T>> body;

	private final LimiterListener listener;

	private final ModelLane lane;

	private final @Nullable ModelLane overflow;

	private final Duration maxWait;

	private final Scheduler timer;

	PermitFlux(Admission admission, Function<Permit, ? extends Publisher<T>> body, LimiterListener listener,
			ModelLane lane, @Nullable ModelLane overflow, Duration maxWait, Scheduler timer) {
		this.timer = timer;
		this.admission = admission;
		this.body = body;
		this.listener = listener;
		this.lane = lane;
		this.overflow = overflow;
		this.maxWait = maxWait;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		new PermitSubscriber<>(actual, this.admission, this.body, this.listener, this.lane).start(this.overflow,
				this.maxWait, this.timer);
	}

}
