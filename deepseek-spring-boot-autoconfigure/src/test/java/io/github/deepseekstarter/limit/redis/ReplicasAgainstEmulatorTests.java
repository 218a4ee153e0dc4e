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

package io.github.deepseekstarter.limit.redis;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas, each with the account's full limit configured, calling one emulator that
 * enforces it: the leases in Redis keep them together within the account.
 */
@ExtendWith(BlockHoundInstalled.class)
class ReplicasAgainstEmulatorTests {

	private static final DeepSeekTimeouts TIMEOUTS = new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
			Duration.ofSeconds(30));

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	final DeepSeekEmulatorExtension emulator = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().tokenInterval(Duration.ofMillis(5)).keepAliveInterval(Duration.ofMillis(50)));

	@Test
	void threeTimesTheAccountLimitOfferedByTwoReplicasGetsNo429() throws Exception {
		DeepSeekEmulator emulator = this.emulator.emulator();
		int limit = 20;
		emulator.setConcurrencyLimit(Lane.FLASH, limit);
		emulator.setDefaultReply(Reply.content("a b c d e f g h"));
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(10), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, limit);
				Replica b = new Replica(this.redis.port(), settings, limit)) {
			DeepSeekTemplate templateA = template(emulator, a);
			DeepSeekTemplate templateB = template(emulator, b);
			AtomicInteger completed = new AtomicInteger();
			List<Throwable> errors = new CopyOnWriteArrayList<>();
			int offered = 3 * limit;
			Flux.range(0, offered)
				.flatMap((i) -> call((i % 2 == 0) ? templateA : templateB, i)
					.doOnSuccess((done) -> completed.incrementAndGet())
					.onErrorResume((ex) -> {
						errors.add(ex);
						return Mono.empty();
					}), offered)
				.blockLast(Duration.ofSeconds(30));
			assertThat(errors).isEmpty();
			assertThat(completed).hasValue(offered);
			assertThat(emulator.stats(Lane.FLASH).rejected()).as("server 429s").isZero();
			assertThat(emulator.stats(Lane.FLASH).peakInFlight()).isLessThanOrEqualTo(limit);
			assertThat(a.inUse() + b.inUse()).isZero();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.redis.liveLeases(a.leaseKey()) == 0);
		}
	}

	@Test
	void aServerLimitOneReplicaLearntBindsTheOtherReplicasAcquisitions() throws Exception {
		DeepSeekEmulator emulator = this.emulator.emulator();
		int configured = 8;
		emulator.setConcurrencyLimit(Lane.FLASH, configured / 2);
		emulator.setTokenInterval(Duration.ofMillis(50));
		emulator.setDefaultReply(Reply.content("a b c d e f g h"));
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(30), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, configured);
				Replica b = new Replica(this.redis.port(), settings, configured)) {
			DeepSeekTemplate templateA = template(emulator, a);
			// Only a calls DeepSeek; the account answers 429 above half of what a
			// assumes.
			Flux.range(0, configured)
				.flatMap((i) -> templateA.chatStream(ChatCompletionRequest.of("s" + i))
					.then()
					.onErrorResume((ex) -> Mono.empty()), configured)
				.blockLast(Duration.ofSeconds(30));
			assertThat(emulator.stats(Lane.FLASH).rejected()).as("429s a saw").isPositive();
			int learnt = a.limiter().snapshot(Replica.LANE).effectiveLimit();
			assertThat(learnt).isLessThan(configured);
			// The write is one round trip after the decrease.
			String limitKey = a.permits().limitKey(Replica.LANE);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> Integer.toString(learnt).equals(this.redis.bulk("GET " + limitKey)));
			// b never saw a 429, yet its acquisitions obey the limit a learnt.
			b.hold(configured);
			await().atMost(Duration.ofSeconds(5)).until(() -> b.inUse() + b.queued() == configured);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> b.inUse() <= learnt);
			assertThat(b.inUse()).isEqualTo(learnt);
			b.completeAll();
		}
	}

	private static Mono<Void> call(DeepSeekTemplate template, int i) {
		return (i % 3 == 0) ? template.chat(ChatCompletionRequest.of("r" + i)).then()
				: template.chatStream(ChatCompletionRequest.of("s" + i)).then();
	}

	private static DeepSeekTemplate template(DeepSeekEmulator emulator, Replica replica) {
		ConnectionProvider pool = DeepSeekConnector.connectionProvider(100, 1000, Duration.ofSeconds(10));
		WebClient webClient = DeepSeekConnector
			.configure(WebClient.builder(), URI.create(emulator.baseUrl()), emulator.apiKey(), pool, TIMEOUTS)
			.build();
		return DeepSeekTemplate.builder(webClient)
			.timeouts(TIMEOUTS)
			.retry(new DeepSeekRetryPolicy(
					new RetrySettings(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), Duration.ofSeconds(1))))
			.userIds(new UserIdResolution(UserIdPolicy.raw(), List.of(), AnonymousUserIdStrategy.none()))
			.limiter(replica.limiter())
			.build();
	}

}
