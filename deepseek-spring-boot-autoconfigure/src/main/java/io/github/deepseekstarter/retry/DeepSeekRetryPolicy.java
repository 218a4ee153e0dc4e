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

package io.github.deepseekstarter.retry;

import java.time.Duration;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Retries what DeepSeek's error table calls transient (429, 500, 503) with jittered
 * exponential backoff, honouring {@code Retry-After} up to a cap, and never 400, 401, 402
 * or 422. Each attempt subscribes the call again, so a call that acquires its permit
 * inside holds none while it waits to retry. A stream that has delivered a token fails
 * with an interruption, which is never retried.
 */
public final class DeepSeekRetryPolicy {

	/** Name of the Resilience4j {@link Retry}, as seen by its metrics. */
	public static final String NAME = "deepseek";

	private final Retry retry;

	/**
	 * Creates the policy.
	 * @param settings attempts and backoff
	 */
	public DeepSeekRetryPolicy(RetrySettings settings) {
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
				settings.multiplier(), 0.5, settings.maxBackoff());
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnException(DeepSeekRetryPolicy::isRetryable)
			.intervalBiFunction((attempt, outcome) -> interval(attempt, outcome, backoff, settings.maxRetryAfter()))
			.failAfterMaxAttempts(false)
			.build();
		this.retry = Retry.of(NAME, config);
	}

	/**
	 * Whether an error may succeed when the same call is made again.
	 * @param error the error
	 * @return {@code true} for 429, 500 and 503
	 */
	public static boolean isRetryable(Throwable error) {
		return error instanceof DeepSeekApiException api && api.isTransient();
	}

	/**
	 * Applies the policy to a call.
	 * @param <T> the result type
	 * @param call the call, subscribed again for each attempt
	 * @return the call with retries
	 */
	public <T> Mono<T> apply(Mono<T> call) {
		return Mono.defer(() -> {
			Retry.AsyncContext<T> context = this.retry.asyncContext();
			return attempts(call, context).doOnSuccess((result) -> context.onComplete());
		});
	}

	/**
	 * Applies the policy to a streamed call.
	 * @param <T> the element type
	 * @param call the call, subscribed again for each attempt
	 * @return the call with retries
	 */
	public <T> Flux<T> apply(Flux<T> call) {
		return Flux.defer(() -> {
			Retry.AsyncContext<T> context = this.retry.asyncContext();
			return attempts(call, context).doOnComplete(context::onComplete);
		});
	}

	/**
	 * Runs the attempts of one call. Resilience4j's own {@code RetryOperator} asks the
	 * same context the same questions, but builds a {@code retryWhen} with a sink, a
	 * companion {@code flatMap} and a {@code doOnNext} for every call, which a stream
	 * holds for as long as it is open. Here the first attempt costs one
	 * {@code onErrorResume}, and each retry a delay and one more; both carry the demand
	 * not yet met over to the next attempt. The policy has no result predicate, so no
	 * element is shown to the context.
	 */
	private static <T> Mono<T> attempts(Mono<T> call, Retry.AsyncContext<T> context) {
		return call.onErrorResume((error) -> {
			long wait = waitBeforeRetry(error, context);
			return (wait < 1) ? Mono.error(error)
					: Mono.delay(Duration.ofMillis(wait)).then(Mono.defer(() -> attempts(call, context)));
		});
	}

	private static <T> Flux<T> attempts(Flux<T> call, Retry.AsyncContext<T> context) {
		return call.onErrorResume((error) -> {
			long wait = waitBeforeRetry(error, context);
			return (wait < 1) ? Flux.error(error)
					: Mono.delay(Duration.ofMillis(wait)).thenMany(Flux.defer(() -> attempts(call, context)));
		});
	}

	/**
	 * How long to wait before the next attempt, or less than 1 when the error ends the
	 * call. An {@link Error} is never shown to the context, as Resilience4j's operator
	 * does not.
	 */
	private static long waitBeforeRetry(Throwable error, Retry.AsyncContext<?> context) {
		return (error instanceof Error) ? -1 : context.onError(error);
	}

	/**
	 * The Resilience4j retry, for its events and metrics.
	 * @return the retry
	 */
	public Retry retry() {
		return this.retry;
	}

	private static long interval(int attempt, Either<Throwable, ?> outcome, IntervalFunction backoff,
			Duration maxRetryAfter) {
		if (outcome.isLeft() && outcome.getLeft() instanceof DeepSeekApiException api && api.retryAfter() != null) {
			Duration retryAfter = api.retryAfter();
			return Math.max(1, ((retryAfter.compareTo(maxRetryAfter) > 0) ? maxRetryAfter : retryAfter).toMillis());
		}
		return backoff.apply(attempt);
	}

}
