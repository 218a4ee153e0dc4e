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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.TenantUsage;
import io.github.deepseekstarter.observability.ModelPrice;
import io.github.deepseekstarter.observability.TenantCostBoard;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code deepseek} endpoint's read and write operations on a real limiter.
 */
class DeepSeekEndpointTests {

	private static final String FLASH = LimiterConfig.FLASH;

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(
			LimiterConfig.builder().modelLimit(FLASH, 1).maxWait(Duration.ofSeconds(30)).build());

	private final DeepSeekEndpoint endpoint = new DeepSeekEndpoint(this.limiter,
			() -> Map.of("model", FLASH, "apiKey", "******"), 10);

	@Test
	void readShowsLanesQueueAdaptiveStateAndBusiestTenants() {
		Disposable held = this.limiter.withPermit(Admission.of(FLASH, "tenant-a"), (permit) -> Flux.never())
			.subscribe();
		Disposable queued = this.limiter.withPermit(Admission.of(FLASH, "tenant-b"), (permit) -> Flux.never())
			.subscribe();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.limiter.snapshot(FLASH).queued() == 1);
			DeepSeekEndpoint.DeepSeekDescriptor state = this.endpoint.deepseek();
			assertThat(flash(state)).isEqualTo(new DeepSeekEndpoint.LaneDescriptor(FLASH, 1, 1, false, 1, 0, 1));
			assertThat(state.lanes()).last().extracting(DeepSeekEndpoint.LaneDescriptor::model).isEqualTo("default");
			assertThat(state.queue().queued()).isEqualTo(1);
			assertThat(state.queue().maxWait()).isEqualTo(Duration.ofSeconds(30));
			assertThat(state.busiestTenants()).first().isEqualTo(new TenantUsage(FLASH, "tenant-a", 1, 0));
			assertThat(state.configuration()).containsEntry("apiKey", "******");
			String json = JsonMapper.builder().build().writeValueAsString(state);
			assertThat(json).contains("\"effectiveLimit\":1").contains("\"adaptive\"").contains("tenant-a");
		}
		finally {
			held.dispose();
			queued.dispose();
		}
	}

	@Test
	void readShowsTheTenantsUsingTheMostTokensAndCostingTheMostWithTheirCacheHitRatio() {
		TenantCostBoard board = new TenantCostBoard(100);
		ModelPrice price = new ModelPrice(new BigDecimal("0.1"), new BigDecimal("1"), new BigDecimal("100"), "USD",
				LocalDate.of(2026, 4, 26));
		board.record("many-cached-tokens", new TokenUsage(1_000_000, 0, 900_000, 100_000, 0), price);
		board.record("few-costly-tokens", new TokenUsage(0, 10_000, 0, 0, 0), price);
		DeepSeekEndpoint endpoint = new DeepSeekEndpoint(this.limiter, Map::of, 1, board);
		DeepSeekEndpoint.TenantCostsDescriptor costs = endpoint.deepseek().tenantCosts();
		assertThat(costs.byTokens()).singleElement().satisfies((tenant) -> {
			assertThat(tenant.tenant()).isEqualTo("many-cached-tokens");
			assertThat(tenant.tokens()).isEqualTo(1_000_000);
			assertThat(tenant.cacheHitRatio()).isEqualTo(0.9);
			assertThat(tenant.cost()).containsEntry("USD", 0.19);
		});
		assertThat(costs.byCost()).singleElement().satisfies((tenant) -> {
			assertThat(tenant.tenant()).isEqualTo("few-costly-tokens");
			assertThat(tenant.cost()).containsEntry("USD", 1.0);
		});
		assertThat(this.endpoint.deepseek().tenantCosts()).isNull();
	}

	@Test
	void writeSetsTheLimitOfAModelAndReturnsTheNewLaneState() {
		DeepSeekEndpoint.LaneDescriptor lane = this.endpoint.setLimit(FLASH, 42);
		assertThat(lane.configuredLimit()).isEqualTo(42);
		assertThat(lane.effectiveLimit()).isEqualTo(42);
		assertThat(this.limiter.snapshot(FLASH).configuredLimit()).isEqualTo(42);
		assertThat(flash(this.endpoint.deepseek()).configuredLimit()).isEqualTo(42);
	}

	@Test
	void writeAcceptsAnAliasAndTheDefaultLane() {
		assertThat(this.endpoint.setLimit("deepseek-chat", 5).model()).isEqualTo(FLASH);
		assertThat(this.endpoint.setLimit("default", 6).model()).isEqualTo("default");
	}

	@Test
	void writeRejectsALimitBelowOne() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.setLimit(FLASH, 0))
			.withMessageContaining("greater than 0");
		assertThat(this.limiter.snapshot(FLASH).configuredLimit()).isEqualTo(1);
	}

	@Test
	void writeRejectsAnUnknownModel() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.setLimit("gpt-4", 10))
			.withMessageContaining("Unknown model 'gpt-4'");
		assertThat(this.limiter.snapshot("default").configuredLimit()).isEqualTo(500);
	}

	private static DeepSeekEndpoint.LaneDescriptor flash(DeepSeekEndpoint.DeepSeekDescriptor state) {
		return state.lanes().stream().filter((lane) -> lane.model().equals(FLASH)).findFirst().orElseThrow();
	}

}
