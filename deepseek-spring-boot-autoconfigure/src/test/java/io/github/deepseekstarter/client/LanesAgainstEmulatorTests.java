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

package io.github.deepseekstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.github.deepseekstarter.testing.TestTimeouts.LONG_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lanes in front of the emulator: twice the account's limit offered without a single
 * 429, and the real limit learnt from the server's first 429s. BlockHound guards every
 * thread.
 */
@ExtendWith(BlockHoundInstalled.class)
class LanesAgainstEmulatorTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().tokenInterval(Duration.ofMillis(5)).keepAliveInterval(Duration.ofMillis(50)));

	@Test
	void twiceTheLimitOfferedGetsNo429AndEveryRequestCompletesOrIsRejectedLocally() {
		DeepSeekEmulator emulator = this.extension.emulator();
		int limit = 20;
		emulator.setConcurrencyLimit(Lane.FLASH, limit);
		emulator.setDefaultReply(Reply.content("a b c d e f g h"));
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.modelLimit(LimiterConfig.FLASH, limit)
			.maxQueueSize(limit / 2)
			.maxWait(Duration.ofSeconds(30))
			.build());
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.limiter(limiter)
			.build();
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger rejectedLocally = new AtomicInteger();
		List<Throwable> otherErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
		int offered = 2 * limit;
		for (int round = 0; round < 5; round++) {
			Flux.range(0, offered)
				.flatMap((i) -> ((i % 2 == 0) ? template.chat(ChatCompletionRequest.of("r" + i)).then()
						: template.chatStream(ChatCompletionRequest.of("s" + i)).then())
					.doOnSuccess((done) -> completed.incrementAndGet())
					.onErrorResume((ex) -> {
						if (ex instanceof LaneRejectedException) {
							rejectedLocally.incrementAndGet();
						}
						else {
							otherErrors.add(ex);
						}
						return Mono.empty();
					}), offered)
				.blockLast(LONG_TIMEOUT);
		}
		assertThat(otherErrors).isEmpty();
		assertThat(emulator.stats(Lane.FLASH).rejected()).as("server 429s").isZero();
		assertThat(emulator.stats(Lane.FLASH).peakInFlight()).isLessThanOrEqualTo(limit);
		assertThat(completed.get() + rejectedLocally.get()).isEqualTo(5 * offered);
		assertThat(completed.get()).isGreaterThanOrEqualTo(5 * limit);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).inUse()).isZero();
		assertThat(limiter.snapshot(LimiterConfig.FLASH).queued()).isZero();
	}

	@Test
	void learnsTheRealLimitFromTheFirst429s() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.FLASH, 39);
		emulator.setDefaultReply(Reply.content("a b c d e f g h i j"));
		emulator.setTokenInterval(Duration.ofMillis(20));
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.FLASH, 500).maxWait(Duration.ofSeconds(30)).build());
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.limiter(limiter)
			.build();
		AtomicInteger server429s = new AtomicInteger();
		int offered = 120;
		Flux.range(0, offered)
			.flatMap((i) -> template.chatStream(ChatCompletionRequest.of("r" + i))
				.then()
				.onErrorResume(DeepSeekApiException.RateLimit.class, (ex) -> {
					server429s.incrementAndGet();
					return Mono.empty();
				}), offered)
			.blockLast(LONG_TIMEOUT);
		long rejectedInFirstWave = emulator.stats(Lane.FLASH).rejected();
		assertThat(limiter.snapshot(LimiterConfig.FLASH).effectiveLimit()).isLessThanOrEqualTo(39);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).configuredLimit()).isEqualTo(500);
		emulator.resetStats();
		Flux.range(0, offered)
			.flatMap((i) -> template.chatStream(ChatCompletionRequest.of("again" + i)).then(), offered)
			.blockLast(LONG_TIMEOUT);
		assertThat(emulator.stats(Lane.FLASH).rejected()).as("429s once the limit was learnt").isZero();
		System.out.printf(
				"Learnt the account limit of 39 (configured 500) after %d server 429s (%d surfaced to callers)%n",
				rejectedInFirstWave, server429s.get());
	}

}
