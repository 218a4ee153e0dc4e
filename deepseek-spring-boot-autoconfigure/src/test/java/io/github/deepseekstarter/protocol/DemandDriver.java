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

package io.github.deepseekstarter.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * A subscriber whose demand follows a random pattern: one element at a time, bursts, or a
 * first request that comes late and from another thread, the later ones from either
 * thread. It waits (with a deadline, never a sleep) for what it asked before asking
 * again, so a slow consumer is as slow as it can be.
 *
 * @param <T> the element type
 */
final class DemandDriver<T> extends BaseSubscriber<T> {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	private final Object monitor = new Object();

	private final List<T> received = new ArrayList<>();

	private final Pattern pattern;

	private boolean terminated;

	private @Nullable Throwable error;

	/**
	 * How the subscriber asks for elements.
	 */
	enum Pattern {

		/** {@code request(1)} each time. */
		ONE_BY_ONE,

		/** Random bursts of 1 to 16. */
		BURSTS,

		/** Nothing until another thread asks, then a mix of both. */
		LATE_FROM_ANOTHER_THREAD

	}

	DemandDriver(Pattern pattern) {
		this.pattern = pattern;
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		// Demand comes from drive(), never at subscription.
	}

	@Override
	protected void hookOnNext(T value) {
		synchronized (this.monitor) {
			this.received.add(value);
			this.monitor.notifyAll();
		}
	}

	@Override
	protected void hookOnComplete() {
		terminate(null);
	}

	@Override
	protected void hookOnError(Throwable throwable) {
		terminate(throwable);
	}

	private void terminate(@Nullable Throwable throwable) {
		synchronized (this.monitor) {
			this.error = throwable;
			this.terminated = true;
			this.monitor.notifyAll();
		}
	}

	/**
	 * Asks for elements until the source terminates, or until {@code cancelAfter}
	 * elements arrived, then cancels.
	 * @param random the source of the choices
	 * @param requester the other thread
	 * @param cancelAfter the elements after which to cancel, or -1 to read to the end
	 * @throws Exception when a request or a wait fails
	 */
	void drive(SplittableRandom random, ExecutorService requester, int cancelAfter) throws Exception {
		long requested = 0;
		boolean first = true;
		while (!isTerminated()) {
			if (cancelAfter >= 0 && received().size() >= cancelAfter) {
				cancel();
				return;
			}
			long n = (this.pattern == Pattern.ONE_BY_ONE) ? 1 : random.nextInt(1, 17);
			requested += n;
			boolean elsewhere = this.pattern == Pattern.LATE_FROM_ANOTHER_THREAD && (first || random.nextBoolean());
			first = false;
			if (elsewhere) {
				requester.submit(() -> request(n)).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				request(n);
			}
			awaitAtLeast(requested);
		}
	}

	private void awaitAtLeast(long count) throws InterruptedException {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		synchronized (this.monitor) {
			while (!this.terminated && this.received.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("Asked for " + count + " elements, got " + this.received.size()
							+ " within " + DEADLINE.toSeconds() + " s");
				}
				this.monitor.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
			}
		}
	}

	private boolean isTerminated() {
		synchronized (this.monitor) {
			return this.terminated;
		}
	}

	List<T> received() {
		synchronized (this.monitor) {
			return List.copyOf(this.received);
		}
	}

	@Nullable Throwable error() {
		synchronized (this.monitor) {
			return this.error;
		}
	}

	boolean completed() {
		synchronized (this.monitor) {
			return this.terminated && this.error == null;
		}
	}

}
