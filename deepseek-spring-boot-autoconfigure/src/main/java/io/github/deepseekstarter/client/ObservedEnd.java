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

import io.github.deepseekstarter.observability.CallObserver;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Tells a call's observation how the call ended, as {@code doOnSuccess} (or
 * {@code doOnComplete}), {@code doOnError} and {@code doOnCancel} would, in one operator
 * that a stream holds while it is open instead of three: a value or a completion of a
 * call, the completion of a stream, an error, a cancel. The observation keeps the first
 * end it is told.
 */
final class ObservedEnd<T> implements CoreSubscriber<T>, Subscription {

	private final CoreSubscriber<? super T> actual;

	private final CallObserver call;

	private final boolean single;

	private Subscription upstream;

	private boolean ended;

	private ObservedEnd(CoreSubscriber<? super T> actual, CallObserver call, boolean single) {
		this.actual = actual;
		this.call = call;
		this.single = single;
	}

	static <T> Mono<T> of(CallObserver call, Mono<T> mono) {
		return new MonoOperator<T, T>(mono) {

			@Override
			public void subscribe(CoreSubscriber<? super T> actual) {
				this.source.subscribe(new ObservedEnd<>(actual, call, true));
			}

		};
	}

	static <T> Flux<T> of(CallObserver call, Flux<T> flux) {
		return new FluxOperator<T, T>(flux) {

			@Override
			public void subscribe(CoreSubscriber<? super T> actual) {
				this.source.subscribe(new ObservedEnd<>(actual, call, false));
			}

		};
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}
	}

	@Override
	public void onNext(T value) {
		if (this.single && !this.ended) {
			// A call's value is its success, told before the caller sees it.
			this.ended = true;
			this.call.onEnd(null, false);
		}
		this.actual.onNext(value);
	}

	@Override
	public void onError(Throwable error) {
		this.call.onEnd(error, false);
		this.actual.onError(error);
	}

	@Override
	public void onComplete() {
		if (!this.ended) {
			this.call.onEnd(null, false);
		}
		this.actual.onComplete();
	}

	@Override
	public void request(long n) {
		this.upstream.request(n);
	}

	@Override
	public void cancel() {
		this.call.onEnd(null, true);
		this.upstream.cancel();
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

}
