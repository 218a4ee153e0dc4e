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

package io.github.deepseekstarter.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.deepseekstarter.protocol.ResponseProgress;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Fails a stream whose inference has not started when its pre-inference time is up: one
 * deadline set at subscription and cancelled at the first event, so the events that
 * follow pass with one field read each. A {@code timeout(first, next)} would subscribe a
 * companion publisher for every event of the stream.
 * <p>
 * The deadlines are kept in one hashed wheel (Netty's {@link HashedWheelTimer}, 100 ms
 * per tick): setting and cancelling one is a lock-free enqueue, where a task of a
 * scheduler's delay queue takes its lock and wakes its thread whenever it is the
 * earliest, which for a stream at a time is every time. A deadline of minutes loses
 * nothing to the tick; one that expires runs on {@link Schedulers#parallel()}, never on
 * the wheel's own thread.
 */
final class PreInferenceDeadline {

	private PreInferenceDeadline() {
	}

	/**
	 * Starts the wheel's thread, once: its first deadline would otherwise wait for the
	 * thread to start in whatever thread subscribes first.
	 */
	static void start() {
		Wheel.TIMER.start();
	}

	/**
	 * Deadlines set and neither expired nor cancelled yet; a cancelled one leaves the
	 * wheel at its next tick.
	 * @return the number of deadlines in the wheel
	 */
	static long pending() {
		return Wheel.TIMER.pendingTimeouts();
	}

	/**
	 * The operator for one exchange.
	 * @param <T> the event type
	 * @param preInference the time the server may keep the request queued
	 * @param progress what the response has shown so far
	 * @param expired the error of a deadline reached before inference started
	 * @return the operator, for {@code transform}
	 */
	static <T> Function<Flux<T>, Flux<T>> of(Duration preInference, ResponseProgress progress,
			Supplier<? extends Throwable> expired) {
		return (source) -> new DeadlineFlux<>(source, preInference, progress, expired);
	}

	private static final class Wheel {

		static final HashedWheelTimer TIMER = new HashedWheelTimer(
				new DefaultThreadFactory("deepseek-pre-inference", true), 100, TimeUnit.MILLISECONDS, 512, false, -1,
				(task) -> Schedulers.parallel().schedule(task));

	}

	private static final class DeadlineFlux<T> extends FluxOperator<T, T> {

		private final Duration preInference;

		private final ResponseProgress progress;

		private final Supplier<? extends Throwable> expired;

		DeadlineFlux(Flux<? extends T> source, Duration preInference, ResponseProgress progress,
				Supplier<? extends Throwable> expired) {
			super(source);
			this.preInference = preInference;
			this.progress = progress;
			this.expired = expired;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new DeadlineSubscriber<>(actual, this.preInference, this.progress, this.expired));
		}

	}

	private static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription {

		private static final int WAITING = 0;

		private static final int STREAMING = 1;

		private static final int DONE = 2;

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE = AtomicIntegerFieldUpdater
			.newUpdater(DeadlineSubscriber.class, "state");

		private final CoreSubscriber<? super T> actual;

		private final Duration preInference;

		private final ResponseProgress progress;

		private final Supplier<? extends Throwable> expired;

		private volatile int state;

		private Subscription upstream = Operators.emptySubscription();

		private @Nullable Timeout timer;

		private @Nullable Expiry expiry;

		DeadlineSubscriber(CoreSubscriber<? super T> actual, Duration preInference, ResponseProgress progress,
				Supplier<? extends Throwable> expired) {
			this.actual = actual;
			this.preInference = preInference;
			this.progress = progress;
			this.expired = expired;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			long remaining = Math.max(0, this.preInference.minus(this.progress.elapsed()).toNanos());
			Expiry expiry = new Expiry(this);
			this.expiry = expiry;
			this.timer = Wheel.TIMER.newTimeout(expiry, remaining, TimeUnit.NANOSECONDS);
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(T event) {
			if (this.state == WAITING) {
				if (!STATE.compareAndSet(this, WAITING, STREAMING)) {
					Operators.onDiscard(event, this.actual.currentContext());
					return;
				}
				cancelTimer();
			}
			else if (this.state == DONE) {
				Operators.onDiscard(event, this.actual.currentContext());
				return;
			}
			this.actual.onNext(event);
		}

		@Override
		public void onError(Throwable error) {
			if (STATE.getAndSet(this, DONE) == DONE) {
				Operators.onErrorDropped(error, this.actual.currentContext());
				return;
			}
			cancelTimer();
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			if (STATE.getAndSet(this, DONE) == DONE) {
				return;
			}
			cancelTimer();
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			cancelTimer();
			this.upstream.cancel();
		}

		private void cancelTimer() {
			Timeout timer = this.timer;
			if (timer != null) {
				timer.cancel();
			}
			Expiry expiry = this.expiry;
			if (expiry != null) {
				expiry.subscriber = null;
			}
		}

		/**
		 * The deadline: once inference has started the generation may take as long as it
		 * needs, so a deadline reached after the first real byte does nothing.
		 */
		private void expire() {
			if (!this.progress.started() && STATE.compareAndSet(this, WAITING, DONE)) {
				this.upstream.cancel();
				this.actual.onError(this.expired.get());
			}
		}

	}

	/**
	 * What the wheel holds of a stream. A cancelled deadline stays in the wheel until its
	 * next tick; letting go of the stream at the cancel leaves the wheel a reference to
	 * this object alone, so a stream that ends within the tick is garbage at once rather
	 * than kept, operators, decoder and all, until the wheel gets to it.
	 */
	private static final class Expiry implements TimerTask {

		private volatile @Nullable DeadlineSubscriber<?> subscriber;

		Expiry(DeadlineSubscriber<?> subscriber) {
			this.subscriber = subscriber;
		}

		@Override
		public void run(Timeout timeout) {
			DeadlineSubscriber<?> subscriber = this.subscriber;
			if (subscriber != null) {
				subscriber.expire();
			}
		}

	}

}
