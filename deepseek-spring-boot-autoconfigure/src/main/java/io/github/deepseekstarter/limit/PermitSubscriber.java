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
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * One subscription to {@link DeepSeekLimiter#withPermit}: first a waiter for a permit,
 * then the permit itself while the body runs. Its state moves by compare-and-set, so a
 * waiter that gave up is never granted and a permit is released exactly once.
 */
final class PermitSubscriber<T> extends Operators.DeferredSubscription implements CoreSubscriber<T>, Permit {

	private static final AtomicIntegerFieldUpdater<PermitSubscriber> STATE = AtomicIntegerFieldUpdater
		.newUpdater(PermitSubscriber.class, "state");

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int CANCELLED = 2;

	private static final int REJECTED = 3;

	private static final int RELEASED = 4;

	private final CoreSubscriber<? super T> actual;

	private final Admission admission;

	private final Function<Permit, ? extends Publisher<T>> body;

	private final LimiterListener listener;

	private final ModelLane primary;

	private volatile ModelLane lane;

	private volatile int state;

	private volatile @Nullable Disposable timeout;

	/** The overflow lane while it is still to be tried. */
	private @Nullable ModelLane overflow;

	private Duration maxWait = Duration.ZERO;

	private Scheduler timer = Schedulers.parallel();

	/**
	 * Whether the waiter asked its primary lane to queue it, so no lane is left to try.
	 */
	private boolean queueing;

	private long queuedAt;

	/** The tenant lane in {@link #lane}; guarded by that lane. */
	@SuppressWarnings("NullAway.Init")
	TenantLane tenantLane;

	/** The generation of the lane's limit this permit was granted in. */
	int generation;

	/** The next waiter granted in the same pass of the lane; used by the lane only. */
	@Nullable PermitSubscriber<?> nextGranted;

	PermitSubscriber(CoreSubscriber<? super T> actual, Admission admission,
			Function<Permit, ? extends Publisher<T>> body, LimiterListener listener, ModelLane primary) {
		this.actual = actual;
		this.admission = admission;
		this.body = body;
		this.listener = listener;
		this.primary = primary;
		this.lane = primary;
	}

	void start(@Nullable ModelLane overflow, Duration maxWait, Scheduler timer) {
		this.timer = timer;
		this.overflow = overflow;
		this.maxWait = maxWait;
		this.actual.onSubscribe(this);
		this.queuedAt = System.nanoTime();
		if (overflow != null) {
			// Overflow only helps when the primary lane would make the request wait.
			tryLane(this.primary);
		}
		else {
			queue();
		}
	}

	/**
	 * Asks a lane for a permit without queueing; its answer may come later.
	 */
	private void tryLane(ModelLane candidate) {
		this.lane = candidate;
		ModelLane.Admit admit = candidate.admit(this, false);
		if (admit != ModelLane.Admit.PENDING) {
			onAnswer(admit, Duration.ZERO);
		}
	}

	private void queue() {
		this.queueing = true;
		this.lane = this.primary;
		switch (this.primary.admit(this, !this.maxWait.isZero())) {
			case GRANTED -> admitted(Duration.ZERO);
			case QUEUED -> queued();
			case FULL -> reject(LaneRejectedException.Reason.QUEUE_FULL);
			case BUSY -> reject(LaneRejectedException.Reason.QUEUE_TIMEOUT);
			case PENDING, CANCELLED -> {
			}
		}
	}

	/**
	 * Takes a lane's asynchronous answer to {@link ModelLane#admit} for a waiter that
	 * could not queue; when granted, the waiter holds a permit of that lane.
	 */
	void answered(ModelLane.Admit admit) {
		onAnswer(admit, Duration.ofNanos(System.nanoTime() - this.queuedAt));
	}

	private void onAnswer(ModelLane.Admit admit, Duration waited) {
		if (admit == ModelLane.Admit.GRANTED) {
			admitted(waited);
		}
		else if (admit != ModelLane.Admit.BUSY) {
			return;
		}
		else if (this.queueing) {
			reject(LaneRejectedException.Reason.QUEUE_TIMEOUT);
		}
		else if (this.overflow != null) {
			ModelLane overflow = this.overflow;
			this.overflow = null;
			tryLane(overflow);
		}
		else {
			queue();
		}
	}

	private void queued() {
		ModelLane lane = this.lane;
		this.listener.onQueued(lane.name(), this.admission);
		// The attempts made before queueing count towards the maximum wait.
		long remaining = Math.max(0, this.maxWait.toNanos() - (System.nanoTime() - this.queuedAt));
		Disposable timeout = this.timer.schedule(this::expire, remaining, TimeUnit.NANOSECONDS);
		this.timeout = timeout;
		if (this.state != WAITING) {
			timeout.dispose();
		}
	}

	private void expire() {
		if (STATE.compareAndSet(this, WAITING, REJECTED)) {
			this.lane.remove(this);
			signalRejection(LaneRejectedException.Reason.QUEUE_TIMEOUT);
		}
	}

	private void reject(LaneRejectedException.Reason reason) {
		if (STATE.compareAndSet(this, WAITING, REJECTED)) {
			signalRejection(reason);
		}
	}

	private void signalRejection(LaneRejectedException.Reason reason) {
		ModelLane lane = this.lane;
		this.listener.onRejected(lane.name(), this.admission, reason);
		this.actual.onError(rejection(lane.snapshot(), reason));
	}

	private LaneRejectedException rejection(LaneSnapshot lane, LaneRejectedException.Reason reason) {
		String detail = switch (reason) {
			case QUEUE_FULL -> "all " + lane.effectiveLimit() + " permits are in use and " + lane.queued()
					+ " requests already wait (deepseek.queue.max-size)";
			case QUEUE_TIMEOUT -> "no permit was free within the maximum wait (deepseek.queue.max-wait), with "
					+ lane.inUse() + " of " + lane.effectiveLimit() + " permits in use";
		};
		return new LaneRejectedException(lane.lane(), reason, detail);
	}

	boolean isWaiting() {
		return this.state == WAITING;
	}

	boolean claim() {
		return STATE.compareAndSet(this, WAITING, GRANTED);
	}

	String tenantKey() {
		String tenant = this.admission.tenant();
		return (tenant != null) ? tenant : "";
	}

	/**
	 * Runs the body of a waiter the lane granted from its queue.
	 */
	void granted(ModelLane lane) {
		Disposable timeout = this.timeout;
		if (timeout != null) {
			timeout.dispose();
		}
		admitted(Duration.ofNanos(System.nanoTime() - this.queuedAt));
	}

	private void admitted(Duration waited) {
		this.listener.onAdmitted(this.lane.name(), this.admission, waited);
		if (isCancelled()) {
			// Granted while the caller cancelled: the permit goes back to the lane.
			release();
			return;
		}
		Publisher<T> publisher;
		try {
			publisher = Objects.requireNonNull(this.body.apply(this), "The body returned a null Publisher");
		}
		catch (Throwable ex) {
			release();
			this.actual.onError(Operators.onOperatorError(ex, this.actual.currentContext()));
			return;
		}
		publisher.subscribe(this);
	}

	private void release() {
		if (STATE.compareAndSet(this, GRANTED, RELEASED)) {
			this.lane.release(this);
		}
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		set(subscription);
	}

	@Override
	public void onNext(T value) {
		this.actual.onNext(value);
	}

	@Override
	public void onError(Throwable error) {
		release();
		this.actual.onError(error);
	}

	@Override
	public void onComplete() {
		release();
		this.actual.onComplete();
	}

	@Override
	public void cancel() {
		if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
			Disposable timeout = this.timeout;
			if (timeout != null) {
				timeout.dispose();
			}
			ModelLane lane = this.lane;
			lane.remove(this);
			this.listener.onAbandoned(lane.name(), this.admission);
		}
		super.cancel();
		release();
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	@Override
	public String model() {
		ModelLane lane = this.lane;
		return (lane == this.primary) ? this.admission.model() : lane.name();
	}

	@Override
	public String lane() {
		return this.lane.name();
	}

	@Override
	public Admission admission() {
		return this.admission;
	}

	@Override
	public void onServerLimit(OptionalInt limitFromMessage) {
		this.lane.onServerLimit(limitFromMessage, this.generation, this.tenantLane);
	}

	@Override
	public void onSuccess() {
		this.lane.onSuccess(this.generation);
	}

}
