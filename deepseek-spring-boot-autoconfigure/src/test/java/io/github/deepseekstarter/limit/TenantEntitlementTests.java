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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.testing.BlockHoundInstalled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests that tenants get what their terms entitle them to under saturation: admissions in
 * the ratio of their weights, and the reserved share of their tier while another tier
 * floods. Counts admissions, never times.
 */
@ExtendWith(BlockHoundInstalled.class)
class TenantEntitlementTests {

	/**
	 * Admissions counted in the long runs; {@code -Dlane.entitlement.admissions=1000000}
	 * for a longer one.
	 */
	private static final int ADMISSIONS = Integer.getInteger("lane.entitlement.admissions", 40_000);

	@Test
	void weightsThreeToOneGetAdmissionsThreeToOneUnderSaturation() {
		Map<String, Integer> admitted = saturate(LimiterConfig.builder().clearModels().modelLimit("m", 8).build(),
				Map.of("paid", terms("paid", 3), "free", terms("free", 1)), 16, new Random(17));
		double ratio = (double) admitted.get("paid") / admitted.get("free");
		System.out.printf("weights 3:1 over %d admissions: %s, ratio %.4f%n", ADMISSIONS, admitted, ratio);
		assertThat(ratio).isCloseTo(3.0, within(0.3));
	}

	@Test
	void randomWeightsGetAdmissionsInTheirRatio() {
		Random random = new Random(1717);
		for (int run = 0; run < 5; run++) {
			Map<String, TenantTerms> tenants = new HashMap<>();
			int count = 2 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				tenants.put("t" + i, terms("tier", 1 + random.nextInt(6)));
			}
			int limit = 1 + random.nextInt(10);
			// More requests per tenant than the lane holds, so that every tenant always
			// waits.
			Map<String, Integer> admitted = saturate(
					LimiterConfig.builder().clearModels().modelLimit("m", limit).build(), tenants,
					limit + 1 + random.nextInt(20), random);
			int totalWeight = tenants.values().stream().mapToInt(TenantTerms::weight).sum();
			int total = admitted.values().stream().mapToInt(Integer::intValue).sum();
			tenants.forEach((tenant, terms) -> {
				double expected = (double) total * terms.weight() / totalWeight;
				assertThat(admitted.get(tenant).doubleValue()).as("%s of %s", tenant, tenants)
					.isCloseTo(expected, within(expected * 0.1));
			});
		}
	}

	@Test
	void equalWeightsAreRoundRobin() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build());
		HeldRequest blocker = HeldRequest.start(limiter, Admission.of("m", "a"));
		List<String> order = new ArrayList<>();
		for (String tenant : List.of("a", "a", "a", "b", "b", "b", "c")) {
			limiter
				.withPermit(admission(tenant, terms("tier", 2)), (permit) -> Mono.fromRunnable(() -> order.add(tenant)))
				.subscribe();
		}
		blocker.complete();
		assertThat(order).containsExactly("a", "a", "b", "b", "c", "a", "b");
	}

	@Test
	void aTenantOfWeightThreeIsAdmittedThreeTimesPerTurn() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build());
		HeldRequest blocker = HeldRequest.start(limiter, Admission.of("m", "x"));
		List<String> order = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			for (String tenant : List.of("paid", "free")) {
				limiter
					.withPermit(admission(tenant, terms(tenant, tenant.equals("paid") ? 3 : 1)),
							(permit) -> Mono.fromRunnable(() -> order.add(tenant)))
					.subscribe();
			}
		}
		blocker.complete();
		assertThat(order.subList(0, 8)).containsExactly("paid", "paid", "paid", "free", "paid", "paid", "paid", "free");
	}

	@Test
	void reservedShareHoldsWhileAnotherTierFloods() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 10).reservedShare("interactive", 0.3).build());
		List<HeldRequest> flood = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			flood.add(HeldRequest.start(limiter, admission("batch-" + (i % 20), terms("batch", 1))));
		}
		assertThat(flood).filteredOn(HeldRequest::running).hasSize(7);
		// The flood churns: every freed permit goes back to the flooding tier, never into
		// the reserved part.
		Random random = new Random(3);
		for (int i = 0; i < 100; i++) {
			List<HeldRequest> running = flood.stream().filter(HeldRequest::running).toList();
			running.get(random.nextInt(running.size())).complete();
			assertThat(flood).filteredOn(HeldRequest::running).hasSize(7);
		}
		List<HeldRequest> reserved = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			reserved.add(HeldRequest.start(limiter, admission("user-" + i, terms("interactive", 1))));
		}
		assertThat(reserved).allMatch(HeldRequest::running);
		assertThat(limiter.snapshot("m").inUse()).isEqualTo(10);
		// Beyond its share the reserved tier waits its turn with the flood.
		HeldRequest fourth = HeldRequest.start(limiter, admission("user-3", terms("interactive", 1)));
		assertThat(fourth.running()).isFalse();
	}

	@Test
	void reservedTierUsesTheWholeLaneWhenNobodyElseWaits() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 4).reservedShare("interactive", 0.5).build());
		assertThat(HeldRequest.start(limiter, admission("u", terms("interactive", 1)), 4))
			.allMatch(HeldRequest::running);
	}

	@Test
	void reservedSharesNeverExceedTheLane() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LimiterConfig.builder().reservedShare("a", 0.6).reservedShare("b", 0.5).build())
			.withMessageContaining("reservedShares[b]");
		assertThatIllegalArgumentException().isThrownBy(() -> LimiterConfig.builder().reservedShare("a", 0).build())
			.withMessageContaining("reservedShares[a]");
	}

	/**
	 * Keeps every tenant saturated (a fixed number of requests each, more than the lane
	 * holds, a new one as soon as one ends) on a lane whose running requests end in
	 * random order, and counts the admissions of each tenant.
	 */
	private static Map<String, Integer> saturate(LimiterConfig config, Map<String, TenantTerms> tenants,
			int outstanding, Random random) {
		DeepSeekLimiter limiter = new DeepSeekLimiter(config);
		Map<String, Integer> admitted = new HashMap<>();
		List<HeldRequest> requests = new ArrayList<>();
		List<String> owners = new ArrayList<>();
		tenants.forEach((tenant, terms) -> {
			admitted.put(tenant, 0);
			for (int i = 0; i < outstanding; i++) {
				requests.add(HeldRequest.start(limiter, admission(tenant, terms)));
				owners.add(tenant);
			}
		});
		List<Integer> running = new ArrayList<>();
		boolean[] counted = new boolean[requests.size()];
		int total = 0;
		while (total < ADMISSIONS) {
			running.clear();
			for (int i = 0; i < requests.size(); i++) {
				if (requests.get(i).running()) {
					running.add(i);
					if (!counted[i]) {
						counted[i] = true;
						admitted.merge(owners.get(i), 1, Integer::sum);
						total++;
					}
				}
			}
			int ended = running.get(random.nextInt(running.size()));
			requests.get(ended).complete();
			String owner = owners.get(ended);
			requests.set(ended, HeldRequest.start(limiter, admission(owner, tenants.get(owner))));
			counted[ended] = false;
		}
		return admitted;
	}

	private static Admission admission(String tenant, TenantTerms terms) {
		return Admission.of("m", tenant).withTerms(terms);
	}

	private static TenantTerms terms(String tier, int weight) {
		return new TenantTerms(tier, weight, TokenBudget.UNLIMITED);
	}

}
