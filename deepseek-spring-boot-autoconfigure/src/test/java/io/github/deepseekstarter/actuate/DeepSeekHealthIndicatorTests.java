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

package io.github.deepseekstarter.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.BlockHoundInstalled;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.observability.EmulatorTemplates;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.BalanceState;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code deepseek} health against the emulator: the balance decides UP or DOWN, the
 * lanes and DeepSeek's last 429 show in the details. BlockHound guards every thread.
 */
@ExtendWith(BlockHoundInstalled.class)
class DeepSeekHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String FLASH = LimiterConfig.FLASH;

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().modelLimit(FLASH, 1).build());

	private final ServerRateLimitTracker rateLimits = new ServerRateLimitTracker();

	@Test
	void upWithEveryLaneInTheDetailsWhenTheBalanceIsAvailable() {
		Health health = health(indicator(template(), DeepSeekHealthIndicator.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("balance", "available").containsEntry("serverRateLimits", 0L);
		assertThat(health.getDetails().get("lanes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry(FLASH, Map.of("configuredLimit", 1, "effectiveLimit", 1, "inUse", 0, "queued", 0))
			.containsKeys(LimiterConfig.PRO, LimiterConfig.DEFAULT_LANE);
	}

	@Test
	void downWhenTheApiKeyIsRefused() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator.baseUrl(), "sk-wrong").build();
		Health health = health(indicator(template, DeepSeekHealthIndicator.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("balance")).contains("401").contains("deepseek.api-key");
		assertThat(health.getDetails().toString()).doesNotContain("sk-wrong");
	}

	@Test
	void downWhenTheBalanceIsNotAvailable() {
		this.extension.emulator().setBalance(BalanceState.INSUFFICIENT);
		Health health = health(indicator(template(), DeepSeekHealthIndicator.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("balance")).startsWith("not available");
	}

	@Test
	void downWhenTheBalanceEndpointAnswersInsufficientBalance() {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/user/balance", (request, response) -> response.status(402)
				.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendString(Mono.just("{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\","
						+ "\"param\":null,\"code\":\"invalid_request_error\"}}"))))
			.bindNow();
		try {
			DeepSeekTemplate template = EmulatorTemplates.builder("http://127.0.0.1:" + server.port(), "sk-any")
				.build();
			Health health = health(indicator(template, DeepSeekHealthIndicator.Settings.DEFAULTS));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("balance")).contains("402");
		}
		finally {
			server.disposeNow();
		}
	}

	@Test
	void balanceIsAskedOncePerTimeToLive() {
		DeepSeekHealthIndicator indicator = indicator(template(), DeepSeekHealthIndicator.Settings.DEFAULTS);
		health(indicator);
		this.extension.emulator().setBalance(BalanceState.INSUFFICIENT);
		assertThat(health(indicator).getStatus()).isEqualTo(Status.UP);
		assertThat(this.extension.emulator().requests())
			.filteredOn((request) -> request.path().endsWith("/user/balance"))
			.hasSize(1);
	}

	@Test
	void saturatedLaneIsShownAndTurnsDownOnlyWhenConfigured() {
		Disposable held = this.limiter.withPermit(Admission.of(FLASH), (permit) -> Flux.never()).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> this.limiter.snapshot(FLASH).inUse() == 1);
			Health tolerant = health(indicator(template(), DeepSeekHealthIndicator.Settings.DEFAULTS));
			assertThat(tolerant.getStatus()).isEqualTo(Status.UP);
			assertThat(tolerant.getDetails()).containsEntry("saturated", List.of(FLASH));
			Health strict = health(indicator(template(),
					new DeepSeekHealthIndicator.Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), true)));
			assertThat(strict.getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			held.dispose();
		}
	}

	@Test
	void lastServer429IsShownWithItsModel() {
		this.extension.emulator().enqueueFault(Fault.status(429));
		DeepSeekTemplate template = template();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("hi")))
			.expectError(DeepSeekApiException.RateLimit.class)
			.verify(TIMEOUT);
		Health health = health(indicator(template, DeepSeekHealthIndicator.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("serverRateLimits", 1L);
		assertThat(health.getDetails().get("lastServerRateLimit"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("model", FLASH)
			.containsKey("time");
	}

	@Test
	void contributorPartIsShownAndADownPartTurnsTheHealthDown() {
		DeepSeekHealthDetailsContributor leases = new DeepSeekHealthDetailsContributor() {

			@Override
			public String name() {
				return "leases";
			}

			@Override
			public Mono<Health> health() {
				return Mono.just(Health.down().withDetail("store", "unreachable").build());
			}

		};
		Health health = health(new DeepSeekHealthIndicator(template(), this.limiter, this.rateLimits, List.of(leases),
				DeepSeekHealthIndicator.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("leases")).isInstanceOfSatisfying(Health.class,
				(part) -> assertThat(part.getDetails()).containsEntry("store", "unreachable"));
	}

	private DeepSeekTemplate template() {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.limiter(this.limiter)
			.observer(this.rateLimits)
			.build();
	}

	private DeepSeekHealthIndicator indicator(DeepSeekTemplate template, DeepSeekHealthIndicator.Settings settings) {
		return new DeepSeekHealthIndicator(template, this.limiter, this.rateLimits, List.of(), settings);
	}

	private static Health health(DeepSeekHealthIndicator indicator) {
		Health health = indicator.health().block(TIMEOUT);
		assertThat(health).isNotNull();
		return health;
	}

}
