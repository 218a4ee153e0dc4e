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

import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

/**
 * One request of {@link LaneModelCheckingTests}: its body runs until the test ends it,
 * and it remembers what happened to it as the sequential specification names it.
 */
final class LaneRequest {

	private final Sinks.Empty<Void> end = Sinks.empty();

	private final BaseSubscriber<Void> subscriber = new BaseSubscriber<>() {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			requestUnbounded();
		}

		@Override
		protected void hookOnError(Throwable error) {
			if (error instanceof LaneRejectedException) {
				LaneRequest.this.expired = true;
			}
		}

	};

	private volatile boolean started;

	private volatile boolean ended;

	private volatile boolean cancelled;

	private volatile boolean expired;

	void start(DeepSeekLimiter limiter, Admission admission) {
		limiter.<Void>withPermit(admission, (permit) -> {
			this.started = true;
			return this.end.asMono().doFinally((signal) -> this.ended = true);
		}).subscribe(this.subscriber);
	}

	void complete() {
		this.end.tryEmitEmpty();
	}

	void cancel() {
		this.subscriber.dispose();
		this.cancelled = true;
	}

	/**
	 * Returns {@code W} while waiting, {@code R} while running, {@code D} once done
	 * (completed or cancelled), {@code X} when the wait expired and {@code B} when the
	 * body still runs although the request was cancelled, which must never happen.
	 */
	char status() {
		if (this.started) {
			return this.ended ? 'D' : (this.cancelled ? 'B' : 'R');
		}
		if (this.expired) {
			return 'X';
		}
		return this.cancelled ? 'D' : 'W';
	}

}
