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

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * One request's permit of a lane, asked for on each subscription. When nobody waits and
 * the lane has room, the permit is granted in the subscribing thread and handed over on
 * request, without a waiter or a timer; else the request waits as a {@link LaneWaiter} in
 * a {@code Mono.create}, removed from the lane when it is cancelled.
 */
final class LaneAcquisition extends Mono<LanePermit> {

	private final ModelLane lane;

	private final Admission admission;

	private final String model;

	/** Whether the wait starts at subscription, else at {@link #startNanos}. */
	private final boolean startsAtSubscription;

	private final long startNanos;

	private final @Nullable Duration maxWait;

	/**
	 * Returns a permit of a lane for a request whose wait starts when it subscribes.
	 * @param lane the lane
	 * @param admission what the request asks for
	 * @param model the model the request is sent to
	 * @param maxWait how long to wait in the queue; {@code null} never queues and
	 * completes empty when the lane is busy
	 * @return the permit, granted at once or after waiting
	 */
	static Mono<LanePermit> of(ModelLane lane, Admission admission, String model, @Nullable Duration maxWait) {
		return new LaneAcquisition(lane, admission, model, true, 0, maxWait);
	}

	/**
	 * Returns a permit of a lane for a request first attempted at {@code startNanos}.
	 * @param lane the lane
	 * @param admission what the request asks for
	 * @param model the model the request is sent to
	 * @param startNanos when the request made its first attempt
	 * @param maxWait how long to wait in the queue, counted from {@code startNanos};
	 * {@code null} never queues and completes empty when the lane is busy
	 * @return the permit, granted at once or after waiting
	 */
	static Mono<LanePermit> of(ModelLane lane, Admission admission, String model, long startNanos,
			@Nullable Duration maxWait) {
		return new LaneAcquisition(lane, admission, model, false, startNanos, maxWait);
	}

	private LaneAcquisition(ModelLane lane, Admission admission, String model, boolean startsAtSubscription,
			long startNanos, @Nullable Duration maxWait) {
		this.lane = lane;
		this.admission = admission;
		this.model = model;
		this.startsAtSubscription = startsAtSubscription;
		this.startNanos = startNanos;
		this.maxWait = maxWait;
	}

	/**
	 * Returns a permit the lane granted already, ready for {@code usingWhen}: it takes it
	 * in the subscribing thread as it takes a {@code Mono.just}, through
	 * {@link Callable}, and a subscriber that cancels before its request releases it.
	 * @param permit the permit
	 * @return the ready permit
	 */
	static Mono<LanePermit> granted(LanePermit permit) {
		return new Ready(permit);
	}

	@Override
	public void subscribe(CoreSubscriber<? super LanePermit> actual) {
		Duration waited = this.startsAtSubscription ? Duration.ZERO
				: Duration.ofNanos(System.nanoTime() - this.startNanos);
		LanePermit permit = this.lane.grantAtOnce(this.admission, this.model, waited);
		if (permit != null) {
			actual.onSubscribe(new Granted(actual, permit));
			return;
		}
		long start = this.startsAtSubscription ? System.nanoTime() : this.startNanos;
		Mono.<LanePermit>create((sink) -> {
			LaneWaiter waiter = new LaneWaiter(this.admission, this.model, start, this.maxWait, sink);
			sink.onCancel(() -> this.lane.cancel(waiter));
			this.lane.admit(waiter);
		}).subscribe(actual);
	}

	/**
	 * A permit granted before the subscription.
	 */
	private static final class Ready extends Mono<LanePermit> implements Callable<LanePermit> {

		private final LanePermit permit;

		Ready(LanePermit permit) {
			this.permit = permit;
		}

		@Override
		public LanePermit call() {
			return this.permit;
		}

		@Override
		public void subscribe(CoreSubscriber<? super LanePermit> actual) {
			actual.onSubscribe(new Granted(actual, this.permit));
		}

	}

	/**
	 * A permit granted at once: handed over on the first request, or released when the
	 * subscriber cancels first.
	 */
	private static final class Granted implements Subscription {

		private static final AtomicIntegerFieldUpdater<Granted> SETTLED = AtomicIntegerFieldUpdater
			.newUpdater(Granted.class, "settled");

		private final CoreSubscriber<? super LanePermit> actual;

		private final LanePermit permit;

		private volatile int settled;

		Granted(CoreSubscriber<? super LanePermit> actual, LanePermit permit) {
			this.actual = actual;
			this.permit = permit;
		}

		@Override
		public void request(long n) {
			if (Operators.validate(n) && SETTLED.compareAndSet(this, 0, 1)) {
				this.actual.onNext(this.permit);
				this.actual.onComplete();
			}
		}

		@Override
		public void cancel() {
			if (SETTLED.compareAndSet(this, 0, 1)) {
				this.permit.release();
			}
		}

	}

}
