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

package io.github.deepseekstarter.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Remembers the last 429 DeepSeek itself answered (not the local lanes' rejections), and
 * how many there were, for the health indicator.
 */
public final class ServerRateLimitTracker implements DeepSeekObserver {

	private final Clock clock;

	private final AtomicReference<@Nullable ServerRateLimit> last = new AtomicReference<>();

	private final AtomicLong count = new AtomicLong();

	/**
	 * Creates a tracker on the system clock.
	 */
	public ServerRateLimitTracker() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a tracker.
	 * @param clock the clock giving the time of each 429
	 */
	public ServerRateLimitTracker(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public CallObserver start(CallInfo call, ContextView context) {
		return new CallObserver() {

			@Override
			public void onResponse(int status) {
				if (status == 429) {
					ServerRateLimitTracker.this.count.incrementAndGet();
					ServerRateLimitTracker.this.last
						.set(new ServerRateLimit(Instant.now(ServerRateLimitTracker.this.clock), call.model()));
				}
			}

		};
	}

	/**
	 * The last 429 DeepSeek answered.
	 * @return the last 429, or {@code null} if there was none
	 */
	public @Nullable ServerRateLimit last() {
		return this.last.get();
	}

	/**
	 * The number of 429s DeepSeek answered.
	 * @return the count
	 */
	public long count() {
		return this.count.get();
	}

	/**
	 * A 429 answered by DeepSeek.
	 *
	 * @param time when it arrived
	 * @param model the model of the request it answered
	 */
	public record ServerRateLimit(Instant time, String model) {

	}

}
