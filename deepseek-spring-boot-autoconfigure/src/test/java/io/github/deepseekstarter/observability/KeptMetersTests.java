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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KeptMeters} against Micrometer's own locking.
 */
class KeptMetersTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * Micrometer tells its removal listeners inside the registry's lock, and registers a
	 * new meter inside the same lock. A meter registered while its key's slot of the kept
	 * map is locked would wait for a removal that waits for that slot.
	 */
	@Test
	void aMeterRemovedWhileAnotherIsRegisteredHoldsUpNeither() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Counter other = registry.counter("other");
		CountDownLatch registering = new CountDownLatch(1);
		CountDownLatch removing = new CountDownLatch(1);
		// Told first, inside the registry's lock, before the kept meters' listener.
		registry.config().onMeterRemoved((meter) -> removing.countDown());
		KeptMeters<String, Counter> kept = KeptMeters.forgottenOnRemoval(registry, 8, (name) -> {
			registering.countDown();
			awaitLatch(removing);
			return registry.counter(name);
		});
		AtomicReference<Counter> registered = new AtomicReference<>();
		AtomicReference<Meter> removed = new AtomicReference<>();
		Thread registerer = daemon(() -> registered.set(kept.get("kept")));
		Thread remover = daemon(() -> {
			awaitLatch(registering);
			removed.set(registry.remove(other));
		});
		registerer.start();
		remover.start();
		await().atMost(WAIT).until(() -> !registerer.isAlive() && !remover.isAlive());
		assertThat(removed.get()).isSameAs(other);
		assertThat(registered.get()).isSameAs(registry.find("kept").counter());
		assertThat(kept.get("kept")).isSameAs(registered.get());
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		return thread;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
