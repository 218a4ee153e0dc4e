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

import java.util.OptionalInt;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekResponseTooLargeException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.identity.Caller;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.Permit;
import io.github.deepseekstarter.observability.CallInfo;
import io.github.deepseekstarter.observability.CallObserver;
import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.observability.ResponseDetails;
import io.github.deepseekstarter.protocol.ResponseProgress;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one path every chat call takes, whatever its protocol: the tenant's
 * {@code user_id}, admission to the model's and the tenant's lanes, retries without a
 * held permit, the HTTP exchange, and the call's observation.
 */
final class CallPipeline {

	private final DeepSeekExchange exchange;

	private final String defaultModel;

	private final UserIdResolution userIds;

	private final DeepSeekRetryPolicy retry;

	private final DeepSeekLimiter limiter;

	private final DeepSeekObserver observer;

	CallPipeline(DeepSeekExchange exchange, String defaultModel, UserIdResolution userIds, DeepSeekRetryPolicy retry,
			DeepSeekLimiter limiter, DeepSeekObserver observer) {
		this.exchange = exchange;
		this.defaultModel = defaultModel;
		this.userIds = userIds;
		this.retry = retry;
		this.limiter = limiter;
		this.observer = observer;
	}

	<Q, R> Mono<R> call(ProtocolAdapter<Q, R, ?> adapter, Q request, DeepSeekCallOptions options) {
		// flatMapMany, not flatMap: Mono#flatMap completes on the inner value, before the
		// permit is given back at the inner's completion; a caller that goes on at once
		// (a tool loop's next step) would still find the permit held.
		return this.userIds.resolveCaller(adapter.userId(request))
			.flatMapMany((caller) -> Mono.deferContextual((context) -> {
				String userId = caller.userId();
				String model = model(adapter, request);
				CallObserver call = this.observer.start(callInfo(adapter, model, false, userId), context);
				recordInput(adapter, request, call);
				return observe(call,
						this.retry.apply(this.limiter.withPermitMono(admission(model, caller, options),
								(permit) -> complete(adapter, adapter.body(request, permit.model(), userId, false),
										call, permit))));
			}))
			.singleOrEmpty();
	}

	<Q, C> Flux<C> stream(ProtocolAdapter<Q, ?, C> adapter, Q request, DeepSeekCallOptions options) {
		return this.userIds.resolveCaller(adapter.userId(request))
			.flatMapMany((caller) -> Flux.deferContextual((context) -> {
				String userId = caller.userId();
				String model = model(adapter, request);
				CallObserver call = this.observer.start(callInfo(adapter, model, true, userId), context);
				recordInput(adapter, request, call);
				return observe(call,
						this.retry.apply(
								this.limiter.withPermit(admission(model, caller, options), (permit) -> events(adapter,
										adapter.body(request, permit.model(), userId, true), call, permit))));
			}));
	}

	/**
	 * One attempt of a call. How it ended is told to its permit, before the permit is
	 * given back, and an error of DeepSeek to the call's observation: a success by the
	 * operator that reads the answer, an error by the exchange, which is where every
	 * error of DeepSeek comes from.
	 */
	private <R> Mono<R> complete(ProtocolAdapter<?, R, ?> adapter, byte[] body, CallObserver call, Permit permit) {
		ResponseProgress progress = new ResponseProgress();
		return this.exchange.postForJson(adapter.path(), body, progress, (ex) -> failed(permit, call, ex))
			.<R>handle((json, sink) -> {
				R response = adapter.response(json, progress.metadata());
				call.onResponse(200);
				call.onFirstByte(progress.metadata());
				ResponseDetails details = observed(call) ? adapter.responseDetails(response) : null;
				if (details != null) {
					call.onResponseDetails(details);
				}
				TokenUsage usage = adapter.usage(response);
				if (usage != null) {
					onUsage(call, permit, usage);
				}
				ConversationRecorder conversation = call.conversation();
				if (conversation != null) {
					adapter.recordOutput(response, conversation);
				}
				permit.onSuccess();
				sink.next(response);
			});
	}

	/**
	 * One attempt of a stream. How it ended is told to its permit, before the permit is
	 * given back, and an error of DeepSeek to the call's observation, by the operators
	 * that check the stream's end and map its errors.
	 */
	private <C> Flux<C> events(ProtocolAdapter<?, ?, C> adapter, byte[] body, CallObserver call, Permit permit) {
		ResponseProgress progress = new ResponseProgress();
		StreamDecoder<C> decoder = adapter.streamDecoder();
		StreamObservation observation = new StreamObservation(call);
		ConversationRecorder conversation = call.conversation();
		return this.exchange.postForEvents(adapter.path(), body, progress).<C>handle((event, sink) -> {
			observation.firstEvent(progress);
			boolean hadToken = decoder.hasToken();
			C element = decoder.decode(event, progress.metadata());
			ResponseDetails details = (element != null && observed(call)) ? adapter.chunkDetails(element) : null;
			if (details != null) {
				call.onResponseDetails(details);
			}
			if (!hadToken && decoder.hasToken()) {
				call.onFirstToken();
			}
			TokenUsage usage = decoder.takeUsage();
			if (usage != null) {
				onUsage(call, permit, usage);
			}
			if (element != null) {
				if (conversation != null) {
					// The answer is assembled as it passes: no element is kept.
					adapter.recordChunk(element, conversation);
				}
				sink.next(element);
			}
		}).concatWith(Mono.defer(() -> {
			if (!decoder.isDone()) {
				return Mono.error(decoder.interrupted(null));
			}
			permit.onSuccess();
			return Mono.empty();
		})).onErrorMap((ex) -> {
			Throwable error = (decoder.hasOutput() && !decoder.isDone() && !isInterruption(ex))
					? decoder.interrupted(ex) : ex;
			failed(permit, call, error);
			return error;
		});
	}

	private static <Q> void recordInput(ProtocolAdapter<Q, ?, ?> adapter, Q request, CallObserver call) {
		ConversationRecorder conversation = call.conversation();
		if (conversation != null) {
			adapter.recordInput(request, conversation);
		}
	}

	String model(ProtocolAdapter<?, ?, ?> adapter, @Nullable String requested) {
		return adapter.laneModel((requested != null) ? requested : this.defaultModel);
	}

	UserIdResolution userIds() {
		return this.userIds;
	}

	DeepSeekLimiter limiter() {
		return this.limiter;
	}

	String defaultModel() {
		return this.defaultModel;
	}

	private <Q> String model(ProtocolAdapter<Q, ?, ?> adapter, Q request) {
		return model(adapter, adapter.model(request));
	}

	/**
	 * Reports a call's usage to its observation and to its tenant's token budget.
	 */
	private static void onUsage(CallObserver call, Permit permit, TokenUsage usage) {
		call.onUsage(usage);
		permit.onUsage(usage.input(), usage.cacheHit(), usage.output());
	}

	private CallInfo callInfo(ProtocolAdapter<?, ?, ?> adapter, String model, boolean stream, @Nullable String userId) {
		return new CallInfo("chat", adapter.protocol().wireName(), model, this.limiter.laneOf(model), stream, userId);
	}

	private static Admission admission(String model, Caller caller, DeepSeekCallOptions options) {
		Admission admission = Admission.of(model, caller.userId())
			.withPriority(options.priority())
			.withTerms(caller.terms());
		return options.allowOverflow() ? admission.allowingOverflow() : admission;
	}

	/**
	 * Whether anything observes the call: without an observer nothing is built for it.
	 */
	private static boolean observed(CallObserver call) {
		return call != CallObserver.NONE;
	}

	private static <T> Mono<T> observe(CallObserver call, Mono<T> mono) {
		if (!observed(call)) {
			return mono;
		}
		return ObservedEnd.of(call, mono);
	}

	private static <T> Flux<T> observe(CallObserver call, Flux<T> flux) {
		if (!observed(call)) {
			return flux;
		}
		return ObservedEnd.of(call, flux);
	}

	/**
	 * Reports an attempt that failed to its permit, and an answer of DeepSeek that is an
	 * error to the call's observation.
	 */
	private static void failed(Permit permit, CallObserver call, Throwable ex) {
		if (ex instanceof DeepSeekApiException api) {
			call.onResponse(api.status());
		}
		reportError(permit, ex);
	}

	private static void reportError(Permit permit, Throwable ex) {
		// A 429 teaches the lane the account's real limit, named in the message when
		// DeepSeek knows it; also when it arrived in a stream that had already begun.
		Throwable error = (ex instanceof DeepSeekStreamInterruptedException && ex.getCause() != null) ? ex.getCause()
				: ex;
		if (error instanceof DeepSeekApiException.RateLimit rateLimit) {
			Integer limit = rateLimit.concurrencyLimit();
			permit.onServerLimit((limit != null) ? OptionalInt.of(limit) : OptionalInt.empty());
		}
	}

	/**
	 * Whether an error already tells what ended the stream: an interruption, or an event
	 * too large to hold, which names the property to raise.
	 */
	private static boolean isInterruption(Throwable ex) {
		return ex instanceof DeepSeekStreamInterruptedException || ex instanceof DeepSeekResponseTooLargeException;
	}

	/**
	 * Reports the stream's status and first byte once, at its first event.
	 */
	private static final class StreamObservation {

		private final CallObserver call;

		private boolean seen;

		StreamObservation(CallObserver call) {
			this.call = call;
		}

		void firstEvent(ResponseProgress progress) {
			if (!this.seen) {
				this.seen = true;
				ConversationRecorder conversation = this.call.conversation();
				if (conversation != null) {
					// An earlier attempt's fragments are not part of this answer.
					conversation.clearOutput();
				}
				this.call.onResponse(200);
				this.call.onFirstByte(progress.metadata());
			}
		}

	}

}
