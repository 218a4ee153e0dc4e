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

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
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
				return new RemotePermits();
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

	private final class RemotePermits implements AccountPermits {

		@Override
		public Mono<Boolean> tryAcquire() {
			return Mono
				.fromSupplier(() -> SharedAccountPermitsTests.this.free.getAndUpdate((n) -> Math.max(0, n - 1)) > 0)
				.subscribeOn(Schedulers.parallel());
		}

		@Override
		public void release() {
			SharedAccountPermitsTests.this.free.incrementAndGet();
		}

		@Override
		public void changeLimit(int limit) {
		}

	}

}
