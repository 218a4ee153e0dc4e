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

import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The events of a {@code text/event-stream} body, decoded by one operator: each read is
 * fed to the parser (and released) as it arrives, and each event it completes goes
 * straight to the subscriber when the subscriber has demand and nothing waits before it;
 * otherwise it waits in a queue. What waits is therefore always events, never buffers a
 * cancel would leak.
 * <p>
 * Reads are requested {@value #PREFETCH} at a time and requested again only once every
 * event decoded so far has been delivered, so a subscriber slower than the network holds
 * the events of at most {@value #PREFETCH} reads. An error, of the body or of the parser,
 * is delivered at once and drops what waits.
 * <p>
 * One operator does what {@code map}, {@code concatMapIterable} and {@code concatWith}
 * did: no list per read, no queue slot per event while the subscriber keeps up, and two
 * operators fewer for each event to pass through.
 */
final class EventStreamFlux extends FluxOperator<DataBuffer, ServerSentEvent> {

	static final int PREFETCH = Queues.SMALL_BUFFER_SIZE;

	private static final int LIMIT = PREFETCH - (PREFETCH >> 2);

	private final ResponseProgress progress;

	private final int maxEventSize;

	EventStreamFlux(Flux<? extends DataBuffer> body, ResponseProgress progress, int maxEventSize) {
		super(body);
		this.progress = progress;
		this.maxEventSize = maxEventSize;
	}

	@Override
	public void subscribe(CoreSubscriber<? super ServerSentEvent> actual) {
		this.source.subscribe(new EventStreamSubscriber(actual, this.progress, this.maxEventSize));
	}

	static final class EventStreamSubscriber
			implements CoreSubscriber<DataBuffer>, Subscription, Consumer<ServerSentEvent> {

		private static final AtomicIntegerFieldUpdater<EventStreamSubscriber> WIP = AtomicIntegerFieldUpdater
			.newUpdater(EventStreamSubscriber.class, "wip");

		private static final AtomicLongFieldUpdater<EventStreamSubscriber> REQUESTED = AtomicLongFieldUpdater
			.newUpdater(EventStreamSubscriber.class, "requested");

		private static final AtomicIntegerFieldUpdater<EventStreamSubscriber> FED = AtomicIntegerFieldUpdater
			.newUpdater(EventStreamSubscriber.class, "fed");

		private final CoreSubscriber<? super ServerSentEvent> actual;

		private final KeepAliveAwareDecoder.EventParser parser;

		private final Queue<ServerSentEvent> queue = Queues.<ServerSentEvent>unbounded(Queues.XS_BUFFER_SIZE).get();

		private Subscription upstream = Operators.emptySubscription();

		private volatile int wip;

		private volatile long requested;

		// Reads fed since reads were last requested.
		private volatile int fed;

		// Written before the drain that reads them, by the thread the body signals on.
		private volatile boolean done;

		private volatile @Nullable Throwable error;

		private volatile boolean cancelled;

		EventStreamSubscriber(CoreSubscriber<? super ServerSentEvent> actual, ResponseProgress progress,
				int maxEventSize) {
			this.actual = actual;
			this.parser = new KeepAliveAwareDecoder.EventParser(progress, maxEventSize, this);
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
			subscription.request(PREFETCH);
		}

		@Override
		public void onNext(DataBuffer buffer) {
			if (this.done || this.cancelled) {
				DataBufferUtils.release(buffer);
				return;
			}
			try {
				this.parser.feed(buffer);
			}
			catch (Throwable ex) {
				this.upstream.cancel();
				fail(ex);
				return;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
			FED.incrementAndGet(this);
			requestMoreIfDrained();
		}

		@Override
		public void onError(Throwable ex) {
			if (this.done) {
				Operators.onErrorDropped(ex, this.actual.currentContext());
				return;
			}
			fail(ex);
		}

		@Override
		public void onComplete() {
			if (this.done) {
				return;
			}
			try {
				this.parser.finish();
			}
			catch (Throwable ex) {
				fail(ex);
				return;
			}
			this.done = true;
			drain();
		}

		@Override
		public void request(long n) {
			if (Operators.validate(n)) {
				Operators.addCap(REQUESTED, this, n);
				drain();
			}
		}

		@Override
		public void cancel() {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			this.upstream.cancel();
			if (WIP.getAndIncrement(this) == 0) {
				clear();
			}
		}

		/**
		 * Takes an event the parser completed, in the thread that fed the read.
		 * @param event the event
		 */
		@Override
		public void accept(ServerSentEvent event) {
			if (this.wip == 0 && WIP.compareAndSet(this, 0, 1)) {
				if (this.queue.isEmpty() && this.requested != 0 && !this.cancelled) {
					this.actual.onNext(event);
					if (this.requested != Long.MAX_VALUE) {
						REQUESTED.decrementAndGet(this);
					}
				}
				else {
					this.queue.offer(event);
				}
				if (WIP.decrementAndGet(this) == 0) {
					return;
				}
			}
			else {
				this.queue.offer(event);
				if (WIP.getAndIncrement(this) != 0) {
					return;
				}
			}
			drainLoop();
		}

		private void fail(Throwable ex) {
			this.error = ex;
			this.done = true;
			drain();
		}

		private void drain() {
			if (WIP.getAndIncrement(this) == 0) {
				drainLoop();
			}
		}

		private void drainLoop() {
			int missed = 1;
			for (;;) {
				long wanted = this.requested;
				long emitted = 0;
				while (emitted != wanted) {
					if (terminated()) {
						return;
					}
					ServerSentEvent event = this.queue.poll();
					if (event == null) {
						break;
					}
					this.actual.onNext(event);
					emitted++;
				}
				if (terminated()) {
					return;
				}
				if (emitted != 0 && wanted != Long.MAX_VALUE) {
					REQUESTED.addAndGet(this, -emitted);
				}
				requestMoreIfDrained();
				missed = WIP.addAndGet(this, -missed);
				if (missed == 0) {
					return;
				}
			}
		}

		// Whether the subscriber is done with: cancelled, failed, or completed with
		// nothing left to deliver.
		private boolean terminated() {
			if (this.cancelled) {
				clear();
				return true;
			}
			if (this.done) {
				Throwable ex = this.error;
				if (ex != null) {
					clear();
					this.error = null;
					this.actual.onError(ex);
					return true;
				}
				if (this.queue.isEmpty()) {
					this.actual.onComplete();
					return true;
				}
			}
			return false;
		}

		private void requestMoreIfDrained() {
			if (this.fed >= LIMIT && this.queue.isEmpty() && !this.done && !this.cancelled) {
				int reads = FED.getAndSet(this, 0);
				if (reads > 0) {
					this.upstream.request(reads);
				}
			}
		}

		private void clear() {
			Operators.onDiscardQueueWithClear(this.queue, this.actual.currentContext(), null);
		}

	}

}
