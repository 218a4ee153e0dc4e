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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.BalanceState;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
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

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * The {@code deepseek} health against the emulator: the balance decides UP or DOWN, the
 * lanes and DeepSeek's last 429 show in the details. BlockHound guards every thread.
 */
@ExtendWith(BlockHoundInstalled.class)
class DeepSeekHealthIndicatorTests {

	private static final String FLASH = LimiterConfig.FLASH;

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().modelLimit(FLASH, 1).build());

	private final ServerRateLimitTracker rateLimits = new ServerRateLimitTracker();

	@Test
	void upWithEveryLaneInTheDetailsWhenTheBalanceIsAvailable() {
		Composed health = health(indicator(template(), DeepSeekHealthContributor.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.component("balance").getDetails()).containsEntry("balance", "available");
		assertThat(health.component("lanes").getDetails()).containsEntry("serverRateLimits", 0L);
		assertThat(health.component("lanes").getDetails().get("lanes"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry(FLASH, Map.of("configuredLimit", 1, "effectiveLimit", 1, "inUse", 0, "queued", 0))
			.containsKeys(LimiterConfig.PRO, LimiterConfig.DEFAULT_LANE);
	}

	@Test
	void downWhenTheApiKeyIsRefused() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator.baseUrl(), "sk-wrong").build();
		Composed health = health(indicator(template, DeepSeekHealthContributor.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.component("balance").getDetails().get("balance")).contains("401")
			.contains("deepseek.api-key");
		assertThat(health.components().toString()).doesNotContain("sk-wrong");
	}

	@Test
	void downWhenTheBalanceIsNotAvailable() {
		this.extension.emulator().setBalance(BalanceState.INSUFFICIENT);
		Composed health = health(indicator(template(), DeepSeekHealthContributor.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.component("balance").getDetails().get("balance")).startsWith("not available");
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
			Composed health = health(indicator(template, DeepSeekHealthContributor.Settings.DEFAULTS));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.component("balance").getDetails().get("balance")).contains("402");
		}
		finally {
			server.disposeNow();
		}
	}

	@Test
	void balanceIsAskedOncePerTimeToLive() {
		DeepSeekHealthContributor indicator = indicator(template(), DeepSeekHealthContributor.Settings.DEFAULTS);
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
			Composed tolerant = health(indicator(template(), DeepSeekHealthContributor.Settings.DEFAULTS));
			assertThat(tolerant.getStatus()).isEqualTo(Status.UP);
			assertThat(tolerant.component("lanes").getDetails()).containsEntry("saturated", List.of(FLASH));
			Composed strict = health(indicator(template(),
					new DeepSeekHealthContributor.Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), true)));
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
		Composed health = health(indicator(template, DeepSeekHealthContributor.Settings.DEFAULTS));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.component("lanes").getDetails()).containsEntry("serverRateLimits", 1L);
		assertThat(health.component("lanes").getDetails().get("lastServerRateLimit"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("model", FLASH)
			.containsKey("time");
	}

	@Test
	void contributorPartIsShownAndADownPartTurnsTheHealthDown() {
		ReactiveHealthIndicator leases = () -> Mono.just(Health.down().withDetail("store", "unreachable").build());
		Map<String, ReactiveHealthContributor> parts = DeepSeekHealthContributor.standardParts(template(), this.limiter,
				this.rateLimits, DeepSeekHealthContributor.Settings.DEFAULTS);
		parts.put("leases", leases);
		Composed health = health(new DeepSeekHealthContributor(parts));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.component("leases").getDetails()).containsEntry("store", "unreachable");
	}

	private DeepSeekTemplate template() {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.limiter(this.limiter)
			.observer(this.rateLimits)
			.build();
	}

	private DeepSeekHealthContributor indicator(DeepSeekTemplate template,
			DeepSeekHealthContributor.Settings settings) {
		return new DeepSeekHealthContributor(
				DeepSeekHealthContributor.standardParts(template, this.limiter, this.rateLimits, settings));
	}

	/**
	 * Checks every component and aggregates their statuses as the health endpoint does.
	 */
	private static Composed health(DeepSeekHealthContributor contributor) {
		Map<String, Health> components = new LinkedHashMap<>();
		contributor.stream().forEach((entry) -> {
			Health health = ((ReactiveHealthIndicator) entry.contributor()).health().block(TIMEOUT);
			assertThat(health).isNotNull();
			components.put(entry.name(), health);
		});
		Status status = StatusAggregator.getDefault()
			.getAggregateStatus(components.values().stream().map(Health::getStatus).collect(Collectors.toSet()));
		return new Composed(status, components);
	}

	/**
	 * The {@code deepseek} health as the endpoint shows it: a status and its components.
	 */
	private record Composed(Status getStatus, Map<String, Health> components) {

		Health component(String name) {
			assertThat(this.components).containsKey(name);
			return this.components.get(name);
		}

	}

}
