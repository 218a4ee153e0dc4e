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
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs many requests with random cancellations, timeouts, errors, 429 answers and
 * mid-stream resets, and checks that no permit leaks, no waiter that gave up is granted
 * and no lane ever grants beyond its limit.
 */
@ExtendWith(BlockHoundInstalled.class)
class ChaosTests {

	private static final int REQUESTS = 100_000;

	private static final String[] MODELS = { LimiterConfig.PRO, LimiterConfig.FLASH, "deepseek-chat", "other" };

	private final Map<Admission, Probe> probes = new IdentityHashMap<>();

	private final Map<String, CountingPermits> permits = new ConcurrentHashMap<>();

	private final AtomicInteger violations = new AtomicInteger();

	@BeforeEach
	void ignoreErrorsOfCancelledBodies() {
		Hooks.onErrorDropped((error) -> {
		});
	}

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void leavesEveryLaneEmptyAndNeverGrantsBeyondItsLimit() {
		LimiterConfig config = LimiterConfig.builder()
			.modelLimit(LimiterConfig.PRO, 20)
			.modelLimit(LimiterConfig.FLASH, 40)
			.defaultLimit(10)
			.perUser(8)
			.maxQueueSize(300)
			.maxWait(Duration.ofMillis(20))
			.successesPerIncrease(3)
			.build();
		DeepSeekLimiter limiter = new DeepSeekLimiter(config,
				(lane, limit, freed) -> this.permits.computeIfAbsent(lane,
						(name) -> new CountingPermits(new BulkheadAccountPermits(name, limit), limit, this.violations)),
				new ProbingListener());
		AtomicInteger terminated = new AtomicInteger();
		StepVerifier
			.create(Flux.range(0, REQUESTS)
				.flatMap((i) -> request(limiter).doFinally((signal) -> terminated.incrementAndGet())
					.onErrorResume((error) -> Mono.empty()), 600)
				.then())
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(limiter.snapshots()).allSatisfy((lane) -> {
				assertThat(lane.inUse()).isZero();
				assertThat(lane.backgroundInUse()).isZero();
				assertThat(lane.queued()).isZero();
			});
			assertThat(limiter.busiestTenants(100)).isEmpty();
			assertThat(this.permits.values()).allSatisfy((permits) -> assertThat(permits.held).hasValue(0));
		});
		assertThat(terminated).hasValue(REQUESTS);
		assertThat(this.violations).hasValue(0);
		synchronized (this.probes) {
			assertThat(this.probes).hasSize(REQUESTS);
			assertThat(this.probes.values()).allSatisfy((probe) -> {
				assertThat(probe.outcomes).hasValueLessThanOrEqualTo(1);
				if (probe.abandoned || probe.rejected) {
					assertThat(probe.bodies).hasValue(0);
				}
				assertThat(probe.bodies).hasValueLessThanOrEqualTo(1);
			});
			assertThat(this.probes.values()).anyMatch((probe) -> probe.abandoned);
			assertThat(this.probes.values()).anyMatch((probe) -> probe.rejected);
		}
	}

	private Flux<Integer> request(DeepSeekLimiter limiter) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String tenant = (random.nextInt(10) == 0) ? null : "t" + random.nextInt(12);
		Admission admission = new Admission(MODELS[random.nextInt(MODELS.length)], tenant,
				(random.nextInt(4) == 0) ? Priority.BACKGROUND : Priority.INTERACTIVE, random.nextBoolean());
		Probe probe = new Probe();
		synchronized (this.probes) {
			this.probes.put(admission, probe);
		}
		int behaviour = random.nextInt(8);
		Flux<Integer> call = limiter.withPermit(admission, (permit) -> {
			probe.bodies.incrementAndGet();
			return body(permit, behaviour);
		});
		Flux<Integer> client = switch (random.nextInt(4)) {
			case 0 -> call.timeout(Duration.ofNanos(random.nextLong(100_000, 3_000_000)), Schedulers.parallel());
			case 1 -> call.take(1);
			case 2 -> call.take(Duration.ofNanos(random.nextLong(10_000, 2_000_000)), Schedulers.parallel());
			default -> call;
		};
		return client.timeout(Duration.ofMillis(30), Schedulers.parallel());
	}

	private Flux<Integer> body(Permit permit, int behaviour) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Duration pause = Duration.ofNanos(random.nextLong(1_000, 300_000));
		return switch (behaviour) {
			case 0 -> Flux.error(new IllegalStateException("server error"));
			case 1 -> Flux.range(0, 3)
				.concatWith(
						Mono.delay(pause, Schedulers.parallel()).then(Mono.error(new IllegalStateException("reset"))));
			case 2 -> Mono
				.fromRunnable(() -> permit
					.onServerLimit(random.nextBoolean() ? OptionalInt.of(random.nextInt(5, 30)) : OptionalInt.empty()))
				.thenMany(Flux.error(new IllegalStateException("429")));
			case 3 -> Flux.never();
			default -> Mono.delay(pause, Schedulers.parallel())
				.doOnNext((tick) -> permit.onSuccess())
				.thenMany(Flux.range(0, 2));
		};
	}

	private final class ProbingListener implements LimiterListener {

		@Override
		public void onAdmitted(String lane, Admission admission, Duration waited) {
			probe(admission).outcomes.incrementAndGet();
		}

		@Override
		public void onRejected(String lane, Admission admission, LaneRejectedException.Reason reason) {
			Probe probe = probe(admission);
			probe.rejected = true;
			probe.outcomes.incrementAndGet();
		}

		@Override
		public void onAbandoned(String lane, Admission admission) {
			Probe probe = probe(admission);
			probe.abandoned = true;
			probe.outcomes.incrementAndGet();
		}

		private Probe probe(Admission admission) {
			synchronized (ChaosTests.this.probes) {
				return ChaosTests.this.probes.get(admission);
			}
		}

	}

	private static final class Probe {

		final AtomicInteger outcomes = new AtomicInteger();

		final AtomicInteger bodies = new AtomicInteger();

		volatile boolean abandoned;

		volatile boolean rejected;

	}

	/**
	 * Local permits that count what they hand out and flag any grant beyond the limit the
	 * lane last gave them.
	 */
	private static final class CountingPermits implements AccountPermits {

		private final AccountPermits delegate;

		private final AtomicInteger violations;

		final AtomicInteger held = new AtomicInteger();

		private volatile int limit;

		CountingPermits(AccountPermits delegate, int limit, AtomicInteger violations) {
			this.delegate = delegate;
			this.limit = limit;
			this.violations = violations;
		}

		@Override
		public Mono<Boolean> tryAcquire() {
			Mono<Boolean> answer = this.delegate.tryAcquire();
			if (granted(answer) && this.held.incrementAndGet() > this.limit) {
				this.violations.incrementAndGet();
			}
			return answer;
		}

		@SuppressWarnings("unchecked")
		private static boolean granted(Mono<Boolean> answer) {
			try {
				return Boolean.TRUE.equals(((Callable<Boolean>) answer).call());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void release() {
			if (this.held.decrementAndGet() < 0) {
				this.violations.incrementAndGet();
			}
			this.delegate.release();
		}

		@Override
		public void changeLimit(int limit) {
			this.limit = limit;
			this.delegate.changeLimit(limit);
		}

	}

}
