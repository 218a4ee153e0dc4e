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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests the limiter over an asynchronous permit source shared with another replica.
 */
@ExtendWith(BlockHoundInstalled.class)
class SharedAccountPermitsTests {

	private final AtomicInteger free = new AtomicInteger(1);

	private final AtomicReference<Runnable> freed = new AtomicReference<>();

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(
			LimiterConfig.builder().clearModels().modelLimit("m", 10).build(), (lane, limit, permitsFreed) -> {
				if (lane.equals("m")) {
					this.freed.set(permitsFreed);
				}
				return new RemotePermits(this.free);
			}, LimiterListener.NONE);

	@Test
	void waiterGetsPermitFreedByAnotherReplica() {
		HeldRequest first = HeldRequest.start(this.limiter, Admission.of("m"));
		await().until(first::running);
		HeldRequest second = HeldRequest.start(this.limiter, Admission.of("m"));
		await().until(() -> this.limiter.snapshot("m").queued() == 1);
		assertThat(second.running()).isFalse();
		this.free.incrementAndGet();
		this.freed.get().run();
		await().until(second::running);
		first.complete();
		second.complete();
		await().until(() -> this.free.get() == 2 && this.limiter.snapshot("m").inUse() == 0);
	}

	@Test
	void permitsFreedElsewhereWhileTheLaneIsBeingCreatedAreTakenOnceItExists() {
		// A distributed factory registers a lane before its constructor returns: another
		// replica's release may reach the lane in between (as in the cluster chaos test).
		AtomicInteger free = new AtomicInteger(1);
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().modelLimit("m", 1).build(),
				(lane, limit, permitsFreed) -> {
					permitsFreed.run();
					return new RemotePermits(free);
				}, LimiterListener.NONE);
		HeldRequest request = HeldRequest.start(limiter, Admission.of("m"));
		await().until(request::running);
		request.complete();
		await().until(() -> free.get() == 1 && limiter.snapshot("m").inUse() == 0);
	}

	@Test
	void requestAllowingOverflowRunsOnTheOverflowLaneWhenTheAccountRefusesItsOwn() {
		Map<String, AtomicInteger> free = new ConcurrentHashMap<>();
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.PRO, 10).modelLimit(LimiterConfig.FLASH, 10).build(),
				(lane, limit,
						permitsFreed) -> new RemotePermits(free.computeIfAbsent(lane, (name) -> new AtomicInteger(1))),
				LimiterListener.NONE);
		HeldRequest first = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		await().until(first::running);
		assertThat(first.permit().lane()).isEqualTo(LimiterConfig.PRO);
		HeldRequest routed = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		await().until(routed::running);
		assertThat(routed.permit().lane()).isEqualTo(LimiterConfig.FLASH);
		assertThat(routed.permit().model()).isEqualTo(LimiterConfig.FLASH);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).inUse()).isOne();
		HeldRequest strict = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO));
		await().until(() -> limiter.snapshot(LimiterConfig.PRO).queued() == 1);
		HeldRequest waiting = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		await().until(() -> limiter.snapshot(LimiterConfig.PRO).queued() == 2);
		assertThat(strict.running()).isFalse();
		assertThat(waiting.running()).isFalse();
		first.complete();
		await().until(strict::running);
		assertThat(strict.permit().lane()).isEqualTo(LimiterConfig.PRO);
		strict.complete();
		await().until(waiting::running);
		assertThat(waiting.permit().lane()).isEqualTo(LimiterConfig.PRO);
		routed.complete();
		waiting.complete();
		await().until(() -> free.get(LimiterConfig.PRO).get() == 1 && free.get(LimiterConfig.FLASH).get() == 1
				&& limiter.snapshot(LimiterConfig.PRO).inUse() == 0
				&& limiter.snapshot(LimiterConfig.FLASH).inUse() == 0);
	}

	@Test
	void requestCancelledWhileTheOverflowLaneAnswersGivesThePermitBack() {
		Map<String, AtomicInteger> free = new ConcurrentHashMap<>();
		Sinks.One<Boolean> flashAnswer = Sinks.one();
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.PRO, 10).modelLimit(LimiterConfig.FLASH, 10).build(),
				(lane, limit, permitsFreed) -> {
					AtomicInteger permits = free.computeIfAbsent(lane, (name) -> new AtomicInteger(1));
					return lane.equals(LimiterConfig.FLASH) ? new AnsweredPermits(permits, flashAnswer.asMono())
							: new RemotePermits(permits);
				}, LimiterListener.NONE);
		HeldRequest first = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO));
		await().until(first::running);
		HeldRequest cancelled = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		await().until(() -> free.get(LimiterConfig.FLASH).get() == 0);
		cancelled.cancel();
		flashAnswer.tryEmitValue(true);
		await().until(() -> free.get(LimiterConfig.FLASH).get() == 1);
		assertThat(cancelled.running()).isFalse();
		assertThat(limiter.snapshot(LimiterConfig.FLASH).inUse()).isZero();
		assertThat(limiter.snapshot(LimiterConfig.PRO).queued()).isZero();
		first.complete();
		await().until(() -> free.get(LimiterConfig.PRO).get() == 1 && limiter.snapshot(LimiterConfig.PRO).inUse() == 0);
	}

	private static class RemotePermits implements AccountPermits {

		private final AtomicInteger free;

		RemotePermits(AtomicInteger free) {
			this.free = free;
		}

		@Override
		public Mono<Boolean> tryAcquire() {
			return Mono.fromSupplier(this::take).subscribeOn(Schedulers.parallel());
		}

		boolean take() {
			return this.free.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
		}

		@Override
		public void release() {
			this.free.incrementAndGet();
		}

		@Override
		public void changeLimit(int limit) {
		}

	}

	/**
	 * Takes the permit at once but answers only when the test says so.
	 */
	private static final class AnsweredPermits extends RemotePermits {

		private final Mono<Boolean> answer;

		AnsweredPermits(AtomicInteger free, Mono<Boolean> answer) {
			super(free);
			this.answer = answer;
		}

		@Override
		public Mono<Boolean> tryAcquire() {
			return Mono.defer(() -> {
				boolean taken = take();
				return this.answer.map((granted) -> taken);
			});
		}

	}

}
