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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import io.github.deepseekstarter.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The board of the busiest tenants stays bounded and keeps the heavy tenants whatever the
 * mix of newcomers, and prices tokens per million.
 */
class TenantCostBoardTests {

	private static final ModelPrice PRICE = new ModelPrice(new BigDecimal("0.1"), new BigDecimal("1"),
			new BigDecimal("2"), "USD", LocalDate.of(2026, 4, 26));

	@Test
	void costIsPricedPerMillionTokensWithUnsplitInputAsCacheMisses() {
		// 1M hits at 0.1, 2M misses (one unsplit) at 1 and 3M output at 2.
		TokenUsage usage = new TokenUsage(4_000_000, 3_000_000, 1_000_000, 2_000_000, 500_000);
		assertThat(PRICE.cost(usage)).isEqualByComparingTo("9.1");
	}

	@Test
	void heavyTenantsStayOnTheBoardWhileNewTenantsArriveAllTheTime() {
		long seed = Long.getLong("tenantBoard.seed", System.nanoTime());
		int rounds = Integer.getInteger("tenantBoard.rounds", 100_000);
		Random random = new Random(seed);
		TenantCostBoard board = new TenantCostBoard(10);
		long heavyTokens = 0;
		long total = 0;
		for (int i = 0; i < rounds; i++) {
			boolean heavy = random.nextInt(4) == 0;
			TokenUsage usage = new TokenUsage(10, random.nextInt(20), 5, 5, 0);
			board.record(heavy ? "heavy" : "tenant-" + i, usage, PRICE);
			if (heavy) {
				heavyTokens += 10 + usage.output();
			}
			total += 10 + usage.output();
			assertThat(board.size()).as("seed %d", seed).isLessThanOrEqualTo(10);
		}
		long heavyCounted = heavyTokens;
		assertThat(board.byTokens(1)).as("seed %d", seed).singleElement().satisfies((tenant) -> {
			assertThat(tenant.tenant()).isEqualTo("heavy");
			assertThat(tenant.tokens()).isBetween(heavyCounted, heavyCounted + tenant.overestimate());
			assertThat(tenant.cacheHitRatio()).isCloseTo(0.5, within(1e-9));
		});
		assertThat(board.byCost(1).get(0).tenant()).isEqualTo("heavy");
		assertThat(total).isPositive();
	}

}
