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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that a permit is held while the body runs and released exactly once.
 */
@ExtendWith(BlockHoundInstalled.class)
class PermitLifecycleTests {

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(
			LimiterConfig.builder().clearModels().modelLimit("m", 2).maxWait(Duration.ofSeconds(10)).build());

	@Test
	void releasesPermitWhenBodyCompletes() {
		StepVerifier.create(this.limiter.withPermit(Admission.of("m"), (permit) -> Flux.just(1, 2)))
			.expectNext(1, 2)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(inUse()).isZero();
	}

	@Test
	void releasesPermitWhenBodyErrors() {
		StepVerifier
			.create(this.limiter.withPermit(Admission.of("m"),
					(permit) -> Flux.concat(Flux.just(1), Flux.error(new IllegalStateException("reset")))))
			.expectNext(1)
			.expectErrorMessage("reset")
			.verify(TIMEOUT);
		assertThat(inUse()).isZero();
	}

	@Test
	void releasesPermitWhenBodyThrows() {
		StepVerifier.create(this.limiter.withPermit(Admission.of("m"), (permit) -> {
			throw new IllegalStateException("boom");
		})).expectErrorMessage("boom").verify(TIMEOUT);
		assertThat(inUse()).isZero();
	}

	@Test
	void permitGrantedAtOnceGoesBackWhenItsSubscriberCancelsBeforeItsRequest() {
		ModelLane lane = new ModelLane("m", 1, LimiterConfig.builder().clearModels().modelLimit("m", 1).build(),
				BulkheadAccountPermits.factory(), LimiterListener.NONE, Schedulers.parallel());
		Admission admission = Admission.of("m", "a");
		cancelBeforeRequest(LaneAcquisition.of(lane, admission, "m", TIMEOUT));
		assertThat(lane.snapshot().inUse()).isZero();
		LanePermit ready = lane.grantAtOnce(admission, "m", Duration.ZERO);
		assertThat(ready).isNotNull();
		assertThat(lane.snapshot().inUse()).isOne();
		cancelBeforeRequest(LaneAcquisition.granted(ready));
		assertThat(lane.snapshot().inUse()).isZero();
		StepVerifier.create(LaneAcquisition.of(lane, admission, "m", TIMEOUT))
			.assertNext(LanePermit::release)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(lane.snapshot().inUse()).isZero();
	}

	private static void cancelBeforeRequest(Mono<LanePermit> permit) {
		permit.subscribe(new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				cancel();
			}
		});
	}

	@Test
	void releasesPermitWhenSubscriberCancels() {
		HeldRequest request = HeldRequest.start(this.limiter, Admission.of("m"));
		assertThat(inUse()).isOne();
		request.cancel();
		assertThat(inUse()).isZero();
		request.complete();
		assertThat(inUse()).isZero();
	}

	@Test
	void holdsPermitUntilStreamEndsNotUntilFirstElement() {
		Sinks.Many<String> stream = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(this.limiter.withPermit(Admission.of("m"), (permit) -> stream.asFlux()))
			.then(() -> stream.tryEmitNext("first"))
			.expectNext("first")
			.then(() -> assertThat(inUse()).isOne())
			.then(stream::tryEmitComplete)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(inUse()).isZero();
	}

	@Test
	void releasesExactlyOnceWhenCancelledAfterCompletion() {
		AtomicInteger released = new AtomicInteger();
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build(),
				BulkheadAccountPermits.factory(), new LimiterListener() {
					@Override
					public void onReleased(String lane, Admission admission) {
						released.incrementAndGet();
					}
				});
		StepVerifier.create(limiter.withPermit(Admission.of("m"), (permit) -> Flux.just(1)).take(1))
			.expectNext(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(released).hasValue(1);
		assertThat(limiter.snapshot("m").inUse()).isZero();
	}

	@Test
	void monoVariantRunsBodyUnderPermit() {
		StepVerifier.create(this.limiter.withPermitMono(Admission.of("m"), (permit) -> Mono.just(inUse())))
			.expectNext(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(inUse()).isZero();
	}

	@Test
	void waiterGetsPermitWhenHolderReleases() {
		List<HeldRequest> holders = HeldRequest.start(this.limiter, Admission.of("m"), 2);
		HeldRequest waiter = HeldRequest.start(this.limiter, Admission.of("m"));
		assertThat(waiter.running()).isFalse();
		assertThat(this.limiter.snapshot("m").queued()).isOne();
		holders.get(0).complete();
		assertThat(waiter.running()).isTrue();
		assertThat(this.limiter.snapshot("m").queued()).isZero();
	}

	@Test
	void cancelledWaiterNeverGetsPermit() {
		HeldRequest holder = HeldRequest.start(this.limiter, Admission.of("m"));
		HeldRequest other = HeldRequest.start(this.limiter, Admission.of("m"));
		HeldRequest waiter = HeldRequest.start(this.limiter, Admission.of("m"));
		waiter.cancel();
		assertThat(this.limiter.snapshot("m").queued()).isZero();
		holder.complete();
		other.complete();
		assertThat(waiter.running()).isFalse();
		assertThat(inUse()).isZero();
	}

	@Test
	void timedOutWaiterFailsWithPropertyAndNeverRuns() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1).maxWait(Duration.ofMillis(50)).build());
		HeldRequest holder = HeldRequest.start(limiter, Admission.of("m"));
		AtomicInteger ran = new AtomicInteger();
		StepVerifier.create(limiter.withPermit(Admission.of("m"), (permit) -> {
			ran.incrementAndGet();
			return Mono.empty();
		}).subscribeOn(Schedulers.parallel())).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LaneRejectedException.class).hasMessageContaining("deepseek.queue.max-wait");
			assertThat(((LaneRejectedException) error).reason()).isEqualTo(LaneRejectedException.Reason.QUEUE_TIMEOUT);
		}).verify(TIMEOUT);
		holder.complete();
		assertThat(ran).hasValue(0);
		assertThat(limiter.snapshot("m").queued()).isZero();
		assertThat(limiter.snapshot("m").inUse()).isZero();
	}

	@Test
	void fullQueueRejectsWithPropertyAndNothingRuns() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1).maxQueueSize(1).build());
		HeldRequest.start(limiter, Admission.of("m"));
		HeldRequest.start(limiter, Admission.of("m"));
		AtomicInteger ran = new AtomicInteger();
		StepVerifier.create(limiter.withPermit(Admission.of("m"), (permit) -> {
			ran.incrementAndGet();
			return Mono.empty();
		})).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LaneRejectedException.class).hasMessageContaining("deepseek.queue.max-size");
			assertThat(((LaneRejectedException) error).reason()).isEqualTo(LaneRejectedException.Reason.QUEUE_FULL);
			assertThat(((LaneRejectedException) error).lane()).isEqualTo("m");
		}).verify(TIMEOUT);
		assertThat(ran).hasValue(0);
		assertThat(limiter.snapshot("m").queued()).isOne();
	}

	@Test
	void zeroMaxWaitRejectsAtOnceWhenLaneIsFull() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1).maxWait(Duration.ZERO).build());
		HeldRequest.start(limiter, Admission.of("m"));
		StepVerifier.create(limiter.withPermit(Admission.of("m"), (permit) -> Mono.just(1)))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("deepseek.queue.max-wait"))
			.verify(TIMEOUT);
		assertThat(limiter.snapshot("m").queued()).isZero();
	}

	@Test
	void acquiresOnParallelThreadsWithoutBlocking() {
		StepVerifier.create(Flux.range(0, 200)
			.flatMap((i) -> this.limiter
				.withPermit(Admission.of("m", "t" + (i % 3)),
						(permit) -> Mono.delay(Duration.ofMillis(1), Schedulers.parallel()))
				.subscribeOn(Schedulers.parallel()))
			.count()).expectNext(200L).expectComplete().verify(TIMEOUT);
		await().untilAsserted(() -> assertThat(inUse()).isZero());
	}

	@Test
	void blockHoundIsActive() {
		StepVerifier.create(Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel()))
			.expectErrorMatches((error) -> error.getClass().getName().contains("Blocking"))
			.verify(TIMEOUT);
	}

	private int inUse() {
		return this.limiter.snapshot("m").inUse();
	}

}
