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
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker remembers DeepSeek's own 429 answers, and composes with other observers.
 */
class ServerRateLimitTrackerTests {

	private final ServerRateLimitTracker tracker = new ServerRateLimitTracker(
			Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

	@Test
	void remembersTheLastServer429AndCountsThem() {
		DeepSeekObserver observer = CompositeDeepSeekObserver.of(List.of(this.tracker, DeepSeekObserver.NONE));
		observer
			.start(new CallInfo("chat", "openai", "deepseek-v4-pro", "deepseek-v4-pro", false, null), Context.empty())
			.onResponse(200);
		assertThat(this.tracker.last()).isNull();
		observer
			.start(new CallInfo("chat", "openai", "deepseek-v4-pro", "deepseek-v4-pro", false, null), Context.empty())
			.onResponse(429);
		assertThat(this.tracker.count()).isOne();
		assertThat(this.tracker.last()).isEqualTo(
				new ServerRateLimitTracker.ServerRateLimit(Instant.parse("2026-01-02T03:04:05Z"), "deepseek-v4-pro"));
	}

	@Test
	void compositeOfOneObserverIsThatObserver() {
		assertThat(CompositeDeepSeekObserver.of(List.of(this.tracker))).isSameAs(this.tracker);
		assertThat(CompositeDeepSeekObserver.of(List.of())).isSameAs(DeepSeekObserver.NONE);
	}

}
