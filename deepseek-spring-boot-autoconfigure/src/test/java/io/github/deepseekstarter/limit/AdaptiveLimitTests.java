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

import io.github.deepseekstarter.testing.BlockHoundInstalled;
import java.util.List;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests that lanes learn the real limit from 429 answers and recover with successes.
 */
@ExtendWith(BlockHoundInstalled.class)
class AdaptiveLimitTests {

	@Test
	void learnsLimitFromServerMessage() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());
		List<HeldRequest> held = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO), 40);
		held.get(0).permit().onServerLimit(OptionalInt.of(39));
		assertThat(limiter.snapshot(LimiterConfig.PRO).effectiveLimit()).isEqualTo(39);
		assertThat(limiter.snapshot(LimiterConfig.PRO).configuredLimit()).isEqualTo(500);
		held.forEach(HeldRequest::complete);
		List<HeldRequest> more = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO), 40);
		assertThat(more).filteredOn(HeldRequest::running).hasSize(39);
		assertThat(limiter.snapshot(LimiterConfig.PRO).queued()).isOne();
	}

	@Test
	void serverLimitAboveConfiguredLimitIsCapped() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.PRO, 50).build());
		HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO)).permit().onServerLimit(OptionalInt.of(80));
		assertThat(limiter.snapshot(LimiterConfig.PRO).effectiveLimit()).isEqualTo(50);
	}

	@Test
	void lowersMultiplicativelyOncePerGenerationOfPermits() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 100).decreaseFactor(0.9).build());
		List<HeldRequest> sameGeneration = HeldRequest.start(limiter, Admission.of("m"), 2);
		sameGeneration.get(0).permit().onServerLimit(OptionalInt.empty());
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(90);
		sameGeneration.get(1).permit().onServerLimit(OptionalInt.empty());
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(90);
		HeldRequest.start(limiter, Admission.of("m")).permit().onServerLimit(OptionalInt.empty());
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(81);
	}

	@Test
	void neverLowersBelowOne() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 2).build());
		HeldRequest request = HeldRequest.start(limiter, Admission.of("m"));
		request.permit().onServerLimit(OptionalInt.of(0));
		assertThat(limiter.snapshot("m").effectiveLimit()).isOne();
		request.complete();
		HeldRequest.start(limiter, Admission.of("m")).permit().onServerLimit(OptionalInt.empty());
		assertThat(limiter.snapshot("m").effectiveLimit()).isOne();
	}

	@Test
	void limitNamedByTheServerCapsRecoveryWhileItIsFresh() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.successesPerIncrease(1)
			.learntLimitTtl(Duration.ofHours(1))
			.build());
		lowerTo(limiter, 5);
		succeed(limiter, 100);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(5);
		limiter.setLimit("m", 8);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(8);
	}

	@Test
	void aLimitObservedElsewhereIsAdoptedWithoutBeingStoredAgainAndTheLanesOwnChangesStillAre() {
		List<Integer> stored = new CopyOnWriteArrayList<>();
		Map<String, IntConsumer> observers = new ConcurrentHashMap<>();
		AccountPermitsFactory shared = (lane, limit, permitsFreed) -> {
			BulkheadAccountPermits local = new BulkheadAccountPermits(lane, limit);
			return new AccountPermits() {

				@Override
				public Mono<Boolean> tryAcquire() {
					return local.tryAcquire();
				}

				@Override
				public void release() {
					local.release();
				}

				@Override
				public void changeLimit(int next) {
					stored.add(next);
					local.changeLimit(next);
				}

				@Override
				public void onLimitObserved(IntConsumer listener) {
					observers.put(lane, listener);
				}

			};
		};
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.successesPerIncrease(1)
			.decreaseFactor(0.5)
			.learntLimitTtl(Duration.ofHours(1))
			.build(), shared, LimiterListener.NONE);
		IntConsumer observer = observers.get("m");
		observer.accept(5);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(5);
		assertThat(limiter.snapshot("m").configuredLimit()).isEqualTo(10);
		// The replica that lowered the shared limit leads its recovery.
		succeed(limiter, 20);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(5);
		observer.accept(6);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(6);
		assertThat(stored).isEmpty();
		HeldRequest.start(limiter, Admission.of("m")).permit().onServerLimit(OptionalInt.empty());
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(3);
		limiter.setLimit("m", 9);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(9);
		assertThat(stored).containsExactly(3, 9);
	}

	@Test
	void recoversAdditivelyUpToConfiguredLimit() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.successesPerIncrease(2)
			.learntLimitTtl(Duration.ZERO)
			.build());
		lowerTo(limiter, 5);
		succeed(limiter, 4);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(7);
		succeed(limiter, 100);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(10);
	}

	@Test
	void successesOfPermitsGrantedBeforeADecreaseDoNotRaiseTheLimit() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.successesPerIncrease(2)
			.learntLimitTtl(Duration.ZERO)
			.build());
		List<HeldRequest> before = HeldRequest.start(limiter, Admission.of("m"), 6);
		before.get(0).permit().onServerLimit(OptionalInt.of(5));
		before.forEach((request) -> request.permit().onSuccess());
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(5);
		before.forEach(HeldRequest::complete);
		succeed(limiter, 2);
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(6);
	}

	@Test
	void successesCountOnlyAtTheLimitThePermitWasGrantedAt() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.successesPerIncrease(1)
			.learntLimitTtl(Duration.ZERO)
			.build());
		lowerTo(limiter, 5);
		HeldRequest request = HeldRequest.start(limiter, Admission.of("m"));
		request.permit().onSuccess();
		request.permit().onSuccess();
		request.permit().onSuccess();
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(6);
	}

	@Test
	void limitNamedAboveThePermitsInFlightLowersOnlyThatTenant() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 100).learntLimitTtl(Duration.ofHours(1)).build());
		List<HeldRequest> tenantA = HeldRequest.start(limiter, Admission.of("m", "a"), 3);
		// Besides the refused request the account has 2 in flight, so a limit of 3
		// cannot be the account's: it is the limit DeepSeek puts on this user_id.
		tenantA.get(0).permit().onServerLimit(OptionalInt.of(3));
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(100);
		assertThat(HeldRequest.start(limiter, Admission.of("m", "a")).running()).isFalse();
		assertThat(HeldRequest.start(limiter, Admission.of("m", "b"), 5)).allMatch(HeldRequest::running);
		// With 8 in flight now, 7 besides the refused one, a limit of 7 is the account's.
		tenantA.get(1).permit().onServerLimit(OptionalInt.of(7));
		assertThat(limiter.snapshot("m").effectiveLimit()).isEqualTo(7);
	}

	/**
	 * Lowers lane m to a limit named by a 429 while the account has that many other
	 * requests in flight, so that the limit is the account's.
	 */
	private static void lowerTo(DeepSeekLimiter limiter, int limit) {
		List<HeldRequest> held = HeldRequest.start(limiter, Admission.of("m"), limit + 1);
		held.get(0).permit().onServerLimit(OptionalInt.of(limit));
		held.forEach(HeldRequest::complete);
	}

	private static void succeed(DeepSeekLimiter limiter, int times) {
		for (int i = 0; i < times; i++) {
			HeldRequest request = HeldRequest.start(limiter, Admission.of("m"));
			request.permit().onSuccess();
			request.complete();
		}
	}

	@Test
	void lowersLimitBelowPermitsInUseWithoutBlocking() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 5).build());
		List<HeldRequest> holders = HeldRequest.start(limiter, Admission.of("m"), 5);
		holders.get(0).permit().onServerLimit(OptionalInt.of(2));
		HeldRequest waiter = HeldRequest.start(limiter, Admission.of("m"));
		holders.get(0).complete();
		holders.get(1).complete();
		holders.get(2).complete();
		assertThat(waiter.running()).isFalse();
		holders.get(3).complete();
		assertThat(waiter.running()).isTrue();
		assertThat(limiter.snapshot("m")).isEqualTo(new LaneSnapshot("m", 5, 2, 2, 0, 0));
	}

	@Test
	void setLimitAtRuntimeTakesEffect() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 3).build());
		HeldRequest.start(limiter, Admission.of("m"), 3);
		HeldRequest waiter = HeldRequest.start(limiter, Admission.of("m"));
		assertThat(waiter.running()).isFalse();
		limiter.setLimit("m", 5);
		assertThat(waiter.running()).isTrue();
		assertThat(limiter.snapshot("m")).isEqualTo(new LaneSnapshot("m", 5, 5, 4, 0, 0));
		limiter.setLimit("m", 1);
		assertThat(limiter.snapshot("m").effectiveLimit()).isOne();
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.setLimit("m", 0))
			.withMessageContaining("modelLimits[m]");
	}

	@Test
	void listenerHearsLimitChanges() {
		List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 5).build(),
				BulkheadAccountPermits.factory(), new LimiterListener() {
					@Override
					public void onLimitChanged(String lane, int configuredLimit, int effectiveLimit) {
						changes.add(lane + ":" + configuredLimit + ":" + effectiveLimit);
					}
				});
		lowerTo(limiter, 3);
		limiter.setLimit("m", 7);
		assertThat(changes).containsExactly("m:5:3", "m:7:7");
	}

}
