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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * One caller waiting for a permit of a lane, as Resilience4j's reactive bulkhead keeps
 * them: its state moves by compare-and-set, it owns its timeout, and it hands the permit
 * to its {@link MonoSink}. The lane calls its methods and never writes its fields.
 */
final class LaneWaiter {

	private static final AtomicReferenceFieldUpdater<LaneWaiter, PermitState> STATE = AtomicReferenceFieldUpdater
		.newUpdater(LaneWaiter.class, PermitState.class, "state");

	private final Admission admission;

	private final String model;

	private final long startNanos;

	private final @Nullable Duration maxWait;

	private final MonoSink<LanePermit> sink;

	private volatile PermitState state = PermitState.WAITING;

	private volatile @Nullable LanePermit permit;

	private volatile @Nullable Disposable timeout;

	LaneWaiter(Admission admission, String model, long startNanos, @Nullable Duration maxWait,
			MonoSink<LanePermit> sink) {
		this.admission = admission;
		this.model = model;
		this.startNanos = startNanos;
		this.maxWait = maxWait;
		this.sink = sink;
	}

	Admission admission() {
		return this.admission;
	}

	/**
	 * Returns the model the request is sent to: its own, or the overflow lane's.
	 */
	String model() {
		return this.model;
	}

	String tenant() {
		String tenant = this.admission.tenant();
		return (tenant != null) ? tenant : "";
	}

	Priority priority() {
		return this.admission.priority();
	}

	/**
	 * Returns how long the waiter may wait in the queue, counted from its first attempt;
	 * {@code null} when it may not queue and takes no room for an answer.
	 */
	@Nullable Duration maxWait() {
		return this.maxWait;
	}

	Duration waited() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	boolean isWaiting() {
		return this.state == PermitState.WAITING;
	}

	/**
	 * Takes the permit the lane reserved for this waiter, unless it gave up or expired.
	 */
	boolean claim(LanePermit permit) {
		this.permit = permit;
		if (!STATE.compareAndSet(this, PermitState.WAITING, PermitState.GRANTED)) {
			return false;
		}
		disposeTimeout();
		return true;
	}

	/**
	 * Hands the claimed permit over; a caller that cancelled before it arrived gets it
	 * released through {@link #cancel()}.
	 */
	void deliver() {
		this.sink.success(this.permit);
	}

	/**
	 * Completes without a permit: the lane had no room and the waiter may not queue.
	 */
	void noRoom() {
		this.sink.success();
	}

	/**
	 * Fails the waiter with the lane's rejection, unless it holds a permit or gave up.
	 */
	void reject(Supplier<LaneRejectedException> rejection) {
		if (STATE.compareAndSet(this, PermitState.WAITING, PermitState.EXPIRED)) {
			this.sink.error(rejection.get());
		}
	}

	/**
	 * Arms the waiter's own timeout at the end of its maximum wait; when it fires first
	 * the waiter expires, the lane is told through {@code onExpired}, and then the caller
	 * gets the lane's rejection.
	 */
	void expireAfter(Scheduler timer, Runnable onExpired, Supplier<LaneRejectedException> rejection) {
		if (this.state != PermitState.WAITING) {
			// Granted or gone between queueing and now: no timeout to arm.
			return;
		}
		// The attempts made before queueing count towards the maximum wait.
		long maxWait = (this.maxWait != null) ? this.maxWait.toNanos() : 0;
		long nanos = Math.max(0, maxWait - (System.nanoTime() - this.startNanos));
		Disposable timeout = timer.schedule(() -> {
			if (STATE.compareAndSet(this, PermitState.WAITING, PermitState.EXPIRED)) {
				onExpired.run();
				this.sink.error(rejection.get());
			}
		}, nanos, TimeUnit.NANOSECONDS);
		this.timeout = timeout;
		if (this.state != PermitState.WAITING) {
			timeout.dispose();
		}
	}

	/**
	 * Gives up, as the caller cancelled: returns the state it left, so that the lane
	 * removes a waiter that was {@link PermitState#WAITING} and takes back the permit of
	 * one already {@link PermitState#GRANTED} but not handed over.
	 */
	PermitState cancel() {
		PermitState previous = STATE.getAndSet(this, PermitState.CANCELLED);
		disposeTimeout();
		LanePermit permit = this.permit;
		if (previous == PermitState.GRANTED && permit != null) {
			// The sink only calls this before the permit reached the caller.
			permit.release();
		}
		return previous;
	}

	private void disposeTimeout() {
		Disposable timeout = this.timeout;
		if (timeout != null) {
			timeout.dispose();
		}
	}

}
