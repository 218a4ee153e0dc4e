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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests who gets a permit when: fairness across tenants, tenant caps, background share
 * and overflow routing.
 */
@ExtendWith(BlockHoundInstalled.class)
class LaneSchedulingTests {

	@Test
	void floodingTenantDoesNotStarveAnother() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build());
		HeldRequest blocker = HeldRequest.start(limiter, Admission.of("m", "a"));
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 1000; i++) {
			limiter.withPermit(Admission.of("m", "a"), (permit) -> Mono.fromRunnable(() -> order.add("a"))).subscribe();
		}
		for (int i = 0; i < 3; i++) {
			limiter.withPermit(Admission.of("m", "b"), (permit) -> Mono.fromRunnable(() -> order.add("b"))).subscribe();
		}
		assertThat(limiter.snapshot("m").queued()).isEqualTo(1003);
		blocker.complete();
		assertThat(order).hasSize(1003);
		int activeTenants = 2;
		int seen = 0;
		for (int grant = 0; grant < order.size() && seen < 3; grant++) {
			if (order.get(grant).equals("b")) {
				seen++;
				assertThat(grant + 1).isLessThanOrEqualTo(seen * activeTenants + 1);
			}
		}
		assertThat(seen).isEqualTo(3);
		assertThat(limiter.snapshot("m").inUse()).isZero();
	}

	@Test
	void newTenantsArrivingAllTheTimeDoNotStarveAWaitingTenant() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1).maxIdleTenants(8).build());
		Random random = new Random(14);
		List<Integer> steadyGrants = new ArrayList<>();
		List<Integer> queuedAtGrant = new ArrayList<>();
		AtomicInteger grants = new AtomicInteger();
		AtomicInteger newTenants = new AtomicInteger();
		Function<Permit, Mono<Void>> body = new Function<>() {
			@Override
			public Mono<Void> apply(Permit permit) {
				int grant = grants.getAndIncrement();
				queuedAtGrant.add(limiter.snapshot("m").queued());
				if ("steady".equals(permit.admission().tenant())) {
					steadyGrants.add(grant);
				}
				// Every grant lets zero to two tenants that were never seen before
				// arrive.
				for (int i = random.nextInt(3); i > 0 && newTenants.get() < 2000; i--) {
					limiter.withPermit(Admission.of("m", "new-" + newTenants.incrementAndGet()), this).subscribe();
				}
				return Mono.empty();
			}
		};
		HeldRequest blocker = HeldRequest.start(limiter, Admission.of("m", "blocker"));
		for (int i = 0; i < 50; i++) {
			limiter.withPermit(Admission.of("m", "steady"), body).subscribe();
		}
		blocker.complete();
		assertThat(steadyGrants).hasSize(50);
		assertThat(grants).hasValue(50 + newTenants.get());
		assertThat(newTenants.get()).isGreaterThan(500);
		for (int i = 1; i < steadyGrants.size(); i++) {
			int previous = steadyGrants.get(i - 1);
			// Tenants that arrive join the round behind the waiting tenant, so the grants
			// between two of its own are bounded by the requests waiting at the first.
			assertThat(steadyGrants.get(i) - previous - 1).isLessThanOrEqualTo(queuedAtGrant.get(previous));
		}
		assertThat(limiter.snapshot("m")).isEqualTo(new LaneSnapshot("m", 1, 1, 0, 0, 0));
		assertThat(limiter.tenantLanes("m")).isLessThanOrEqualTo(8);
	}

	@Test
	void tenantAtItsCapWaitsWithoutBlockingOtherTenants() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 10).perUser(2).build());
		List<HeldRequest> first = HeldRequest.start(limiter, Admission.of("m", "a"), 2);
		HeldRequest third = HeldRequest.start(limiter, Admission.of("m", "a"));
		HeldRequest other = HeldRequest.start(limiter, Admission.of("m", "b"));
		assertThat(third.running()).isFalse();
		assertThat(other.running()).isTrue();
		assertThat(limiter.busiestTenants(1)).containsExactly(new TenantUsage("m", "a", 2, 1));
		first.get(0).complete();
		assertThat(third.running()).isTrue();
	}

	@Test
	void perModelTenantCapOverridesGlobalCap() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", 10)
			.modelLimit("n", 10)
			.perUser(1)
			.perUser("n", 0)
			.build());
		HeldRequest.start(limiter, Admission.of("m", "a"));
		assertThat(HeldRequest.start(limiter, Admission.of("m", "a")).running()).isFalse();
		assertThat(HeldRequest.start(limiter, Admission.of("n", "a"), 3)).allMatch(HeldRequest::running);
	}

	@Test
	void requestsWithoutTenantShareOneTenantLane() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 10).perUser(1).build());
		assertThat(HeldRequest.start(limiter, Admission.of("m")).running()).isTrue();
		assertThat(HeldRequest.start(limiter, Admission.of("m")).running()).isFalse();
		assertThat(limiter.busiestTenants(5)).containsExactly(new TenantUsage("m", "", 1, 1));
	}

	@Test
	void evictsOnlyIdleTenantLanes() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 10).perUser(1).maxIdleTenants(2).build());
		HeldRequest busy = HeldRequest.start(limiter, Admission.of("m", "busy"));
		HeldRequest.start(limiter, Admission.of("m", "idle1")).complete();
		HeldRequest.start(limiter, Admission.of("m", "idle2")).complete();
		assertThat(limiter.tenantLanes("m")).isEqualTo(3);
		HeldRequest queued = HeldRequest.start(limiter, Admission.of("m", "busy"));
		HeldRequest.start(limiter, Admission.of("m", "new"));
		HeldRequest.start(limiter, Admission.of("m", "idle3")).complete();
		assertThat(limiter.tenantLanes("m")).isEqualTo(4);
		assertThat(limiter.busiestTenants(5)).contains(new TenantUsage("m", "busy", 1, 1));
		busy.complete();
		assertThat(queued.running()).isTrue();
		queued.complete();
		assertThat(limiter.busiestTenants(5)).containsExactly(new TenantUsage("m", "new", 1, 0));
		assertThat(limiter.tenantLanes("m")).isEqualTo(3);
	}

	@Test
	void busyTenantsCannotKeepIdleLanesFromBeingEvicted() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1000).maxIdleTenants(10).build());
		for (int i = 0; i < 32; i++) {
			HeldRequest.start(limiter, Admission.of("m", "busy-" + i));
		}
		for (int i = 0; i < 100_000; i++) {
			limiter.withPermit(Admission.of("m", "new-" + i), (permit) -> Mono.empty()).subscribe();
		}
		assertThat(limiter.snapshot("m").inUse()).isEqualTo(32);
		assertThat(limiter.tenantLanes("m")).isEqualTo(32 + 10);
	}

	@Test
	void freedPermitGoesToTheOldestWaiterBeforeANewArrival() {
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicReference<DeepSeekLimiter> self = new java.util.concurrent.atomic.AtomicReference<>();
		java.util.concurrent.atomic.AtomicBoolean arrived = new java.util.concurrent.atomic.AtomicBoolean();
		// A request that arrives between a release and the drain that follows it.
		LimiterListener arrivesOnRelease = new LimiterListener() {
			@Override
			public void onReleased(String lane, Admission admission) {
				if (arrived.compareAndSet(false, true)) {
					self.get()
						.withPermit(Admission.of("m", "a"), (permit) -> Mono.fromRunnable(() -> order.add("new")))
						.subscribe();
				}
			}
		};
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build(),
				BulkheadAccountPermits.factory(), arrivesOnRelease);
		self.set(limiter);
		HeldRequest holder = HeldRequest.start(limiter, Admission.of("m", "a"));
		HeldRequest oldest = HeldRequest.start(limiter, Admission.of("m", "a"));
		holder.complete();
		assertThat(oldest.running()).isTrue();
		assertThat(order).isEmpty();
		oldest.complete();
		assertThat(order).containsExactly("new");
		assertThat(limiter.snapshot("m").inUse()).isZero();
	}

	@Test
	void backgroundRequestsUseAtMostTheirShare() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 4).backgroundShare(0.5).build());
		Admission background = Admission.of("m").withPriority(Priority.BACKGROUND);
		List<HeldRequest> batch = HeldRequest.start(limiter, background, 3);
		assertThat(batch).filteredOn(HeldRequest::running).hasSize(2);
		assertThat(HeldRequest.start(limiter, Admission.of("m"), 2)).allMatch(HeldRequest::running);
		assertThat(limiter.snapshot("m")).isEqualTo(new LaneSnapshot("m", 4, 4, 4, 2, 1));
		batch.get(0).complete();
		assertThat(batch.get(2).running()).isTrue();
	}

	@Test
	void interactiveWaitersGoBeforeBackgroundWaiters() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().clearModels().modelLimit("m", 1).build());
		HeldRequest holder = HeldRequest.start(limiter, Admission.of("m"));
		HeldRequest background = HeldRequest.start(limiter, Admission.of("m").withPriority(Priority.BACKGROUND));
		HeldRequest interactive = HeldRequest.start(limiter, Admission.of("m"));
		holder.complete();
		assertThat(interactive.running()).isTrue();
		assertThat(background.running()).isFalse();
	}

	@Test
	void overflowRoutesToFlashWhenProIsFull() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.PRO, 1).modelLimit(LimiterConfig.FLASH, 1).build());
		HeldRequest first = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		assertThat(first.permit().model()).isEqualTo(LimiterConfig.PRO);
		HeldRequest routed = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		assertThat(routed.permit().model()).isEqualTo(LimiterConfig.FLASH);
		assertThat(routed.permit().lane()).isEqualTo(LimiterConfig.FLASH);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).inUse()).isOne();
		HeldRequest strict = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO));
		assertThat(strict.running()).isFalse();
		HeldRequest waiting = HeldRequest.start(limiter, Admission.of(LimiterConfig.PRO).allowingOverflow());
		assertThat(waiting.running()).isFalse();
		assertThat(limiter.snapshot(LimiterConfig.PRO).queued()).isEqualTo(2);
		routed.complete();
		assertThat(limiter.snapshot(LimiterConfig.FLASH).inUse()).isZero();
	}

	@Test
	void aliasesShareTheFlashLaneAndUnknownModelsTheDefaultLane() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());
		HeldRequest chat = HeldRequest.start(limiter, Admission.of("deepseek-chat"));
		HeldRequest.start(limiter, Admission.of("deepseek-flash"));
		HeldRequest.start(limiter, Admission.of("some-new-model"));
		assertThat(chat.permit().model()).isEqualTo("deepseek-chat");
		assertThat(limiter.snapshot(LimiterConfig.FLASH))
			.isEqualTo(new LaneSnapshot(LimiterConfig.FLASH, 2500, 2500, 2, 0, 0));
		assertThat(limiter.laneOf("some-new-model")).isEqualTo(LimiterConfig.DEFAULT_LANE);
		assertThat(limiter.snapshot(LimiterConfig.DEFAULT_LANE).inUse()).isOne();
		assertThat(limiter.snapshots()).extracting(LaneSnapshot::lane)
			.containsExactly(LimiterConfig.PRO, LimiterConfig.FLASH, LimiterConfig.DEFAULT_LANE);
	}

	@Test
	void timeoutOfQueuedWaiterUsesConfiguredMaxWait() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 1).maxWait(Duration.ofMillis(20)).build());
		HeldRequest.start(limiter, Admission.of("m"));
		HeldRequest waiter = HeldRequest.start(limiter, Admission.of("m"));
		org.awaitility.Awaitility.await().until(() -> waiter.error() != null);
		assertThat(waiter.error()).isInstanceOf(LaneRejectedException.class);
		assertThat(limiter.snapshot("m").queued()).isZero();
	}

	/**
	 * A permit freed while another thread is still handing permits over goes to the next
	 * waiter before the call that freed it returns: the room is not left to the other
	 * thread's drain, where a new arrival would find it taken by a request that already
	 * ended and queue behind it.
	 */
	@Test
	void cancelHandsItsPermitOverBeforeItReturnsWhileAnotherThreadDelivers() throws Exception {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 2).maxWait(Duration.ofMinutes(1)).build());
		HeldRequest first = HeldRequest.start(limiter, Admission.of("m", "a"));
		HeldRequest second = HeldRequest.start(limiter, Admission.of("m", "a"));
		CountDownLatch delivering = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		// The next waiter's body is subscribed on the thread that hands it its permit.
		limiter.withPermit(Admission.of("m", "a"), (permit) -> Mono.fromRunnable(() -> {
			delivering.countDown();
			awaitLatch(resume);
		})).subscribe();
		AtomicBoolean endedAtOnce = new AtomicBoolean();
		limiter.withPermit(Admission.of("m", "a"), (permit) -> Mono.fromRunnable(() -> endedAtOnce.set(true)))
			.subscribe();
		Thread releasing = new Thread(first::complete, "releasing");
		releasing.start();
		assertThat(delivering.await(10, TimeUnit.SECONDS)).isTrue();
		try {
			second.cancel();
			assertThat(endedAtOnce).isTrue();
			assertThat(limiter.snapshot("m").queued()).isZero();
			HeldRequest arrival = HeldRequest.start(limiter, Admission.of("m", "b"));
			assertThat(arrival.running()).isTrue();
			arrival.complete();
		}
		finally {
			resume.countDown();
			releasing.join(10_000);
		}
		assertThat(limiter.snapshot("m").inUse()).isZero();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test did not resume the delivery");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
