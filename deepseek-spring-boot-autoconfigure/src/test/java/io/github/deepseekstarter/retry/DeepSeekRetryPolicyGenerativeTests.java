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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generative tests of {@link DeepSeekRetryPolicy} against Resilience4j's own
 * {@link RetryOperator} over the same configuration, as the reference: random calls and
 * streams whose attempts emit a few elements and then complete, fail with an error that
 * is or is not retried (with or without {@code Retry-After}) or never end, under random
 * demand (requests from inside {@code onNext}, late requests, none at all for a while)
 * and with a cancel at a random step, also while a retry waits. Both must subscribe the
 * call the same number of times, cancel the same attempts that had not ended, give the
 * subscriber the same signals, never more elements than it asked for, and leave the same
 * metrics and events in the {@link Retry}. The waits run on virtual time.
 * <p>
 * Each case is built from its seed alone. {@code mvn verify} runs {@value #DEFAULT_TRIES}
 * cases from a fixed seed; a long run sets {@code -Ddeepseek.retry.tries=N} and
 * {@code -Ddeepseek.retry.seed=S} (a failing case names its seed: rerun it with that seed
 * and one try).
 */
class DeepSeekRetryPolicyGenerativeTests {

	static final int DEFAULT_TRIES = 600;

	private static final long DEFAULT_SEED = 20261202L;

	static Stream<Long> cases() {
		int tries = Integer.getInteger("deepseek.retry.tries", DEFAULT_TRIES);
		long seed = Long.getLong("deepseek.retry.seed", DEFAULT_SEED);
		return LongStream.range(0, tries).mapToObj((i) -> seed + i * 0x9E3779B97F4A7C15L);
	}

	@AfterEach
	void resetTime() {
		VirtualTimeScheduler.reset();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("cases")
	void retriesAsResilience4jsOwnOperatorWhateverTheAttemptsTheDemandAndTheCancel(long seed) {
		Case generated = Case.generate(new SplittableRandom(seed));
		List<String> reference = generated.run(true);
		List<String> policy = generated.run(false);
		assertThat(policy).as(generated.toString()).containsExactlyElementsOf(reference);
	}

	/**
	 * How one attempt ends.
	 */
	enum Ending {

		COMPLETE, RATE_LIMITED, RATE_LIMITED_WITH_RETRY_AFTER, SERVER_ERROR, OVERLOADED, INVALID_REQUEST,
		INVALID_PARAMETERS, INTERRUPTED, ILLEGAL_STATE, ASSERTION, NEVER;

		Throwable error(int attempt) {
			String message = "attempt " + attempt;
			return switch (this) {
				case RATE_LIMITED -> DeepSeekApiException.create(429, message, "rate_limit_error", null, null, null);
				case RATE_LIMITED_WITH_RETRY_AFTER -> DeepSeekApiException.create(429, message, "rate_limit_error",
						null, Duration.ofSeconds(attempt), null);
				case SERVER_ERROR -> DeepSeekApiException.create(500, message, null, null, null, null);
				case OVERLOADED -> DeepSeekApiException.create(503, message, null, null, null, null);
				case INVALID_REQUEST -> DeepSeekApiException.create(400, message, null, null, null, null);
				case INVALID_PARAMETERS -> DeepSeekApiException.create(422, message, null, null, null, null);
				case INTERRUPTED -> new DeepSeekStreamInterruptedException(message, "", attempt, null);
				case ILLEGAL_STATE -> new IllegalStateException(message);
				case ASSERTION -> new AssertionError(message);
				default -> throw new IllegalStateException(name() + " is no error");
			};
		}

	}

	/**
	 * One attempt: how many elements it emits, then how it ends.
	 */
	record Attempt(int elements, Ending ending) {

		@Override
		public String toString() {
			return this.elements + " then " + this.ending;
		}

	}

	/**
	 * What the subscriber does at one step of the case.
	 */
	enum Action {

		WAIT, REQUEST_ONE, REQUEST_TWO, CANCEL

	}

	/**
	 * One generated case: the policy's attempts, the call's attempts, the subscriber's
	 * requests and steps.
	 */
	record Case(boolean mono, int maxAttempts, List<Attempt> attempts, long initialRequest,
			List<Integer> onNextRequests, List<Action> steps) {

		static Case generate(SplittableRandom random) {
			boolean mono = random.nextInt(3) == 0;
			int maxAttempts = 1 + random.nextInt(4);
			List<Attempt> attempts = new ArrayList<>();
			Ending[] endings = Ending.values();
			for (int i = 0; i <= maxAttempts; i++) {
				// Most attempts fail with a transient error, so that retries are common.
				Ending ending = (random.nextInt(3) > 0) ? endings[1 + random.nextInt(4)]
						: endings[random.nextInt(endings.length)];
				int elements = random.nextInt(4);
				if (mono) {
					// A Mono gives one value and completes, or none and ends as it ends.
					elements = (ending == Ending.COMPLETE) ? random.nextInt(2) : 0;
				}
				attempts.add(new Attempt(elements, ending));
			}
			long[] initial = { 0, 1, 2, 3, Long.MAX_VALUE };
			long initialRequest = initial[random.nextInt(initial.length)];
			List<Integer> onNextRequests = new ArrayList<>();
			for (int i = 0; i < 4 * maxAttempts + 4; i++) {
				onNextRequests.add((random.nextInt(3) == 0) ? random.nextInt(3) : 0);
			}
			List<Action> steps = new ArrayList<>();
			int count = random.nextInt(12);
			for (int i = 0; i < count; i++) {
				int roll = random.nextInt(20);
				steps.add((roll < 11) ? Action.WAIT
						: (roll < 15) ? Action.REQUEST_ONE : (roll < 19) ? Action.REQUEST_TWO : Action.CANCEL);
			}
			return new Case(mono, maxAttempts, attempts, initialRequest, onNextRequests, steps);
		}

		/**
		 * Runs the case and returns what happened, in order.
		 * @param reference whether Resilience4j's operator retries, else the policy
		 */
		List<String> run(boolean reference) {
			VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
			DeepSeekRetryPolicy policy = new DeepSeekRetryPolicy(new RetrySettings(this.maxAttempts,
					Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(30)));
			List<String> trace = new ArrayList<>();
			policy.retry()
				.getEventPublisher()
				.onEvent((event) -> trace.add("event " + event.getEventType() + " after "
						+ event.getNumberOfRetryAttempts() + ": " + event.getLastThrowable()));
			AtomicInteger subscriptions = new AtomicInteger();
			// Each subscription is one attempt; a cancel is noted only while it still
			// runs.
			Flux<String> attempts = Flux.defer(() -> {
				int attempt = subscriptions.incrementAndGet();
				trace.add("subscribe " + attempt);
				AtomicBoolean ended = new AtomicBoolean();
				Flux<String> signals = this.mono ? monoAttempt(attempt).flux() : fluxAttempt(attempt);
				return signals.doOnTerminate(() -> ended.set(true)).doOnCancel(() -> {
					if (!ended.get()) {
						trace.add("cancel " + attempt);
					}
				});
			});
			Publisher<String> retried;
			if (this.mono) {
				Mono<String> call = Mono.fromDirect(attempts);
				retried = reference ? call.transformDeferred(RetryOperator.of(policy.retry())) : policy.apply(call);
			}
			else {
				retried = reference ? attempts.transformDeferred(RetryOperator.of(policy.retry()))
						: policy.apply(attempts);
			}
			Recorder recorder = new Recorder(trace, this.initialRequest, this.onNextRequests);
			retried.subscribe(recorder);
			for (Action step : this.steps) {
				if (recorder.ended) {
					break;
				}
				trace.add("step " + step);
				switch (step) {
					case WAIT -> time.advanceTimeBy(Duration.ofMinutes(1));
					case REQUEST_ONE -> recorder.ask(1);
					case REQUEST_TWO -> recorder.ask(2);
					case CANCEL -> recorder.stop();
				}
			}
			if (!recorder.ended) {
				trace.add("step everything");
				recorder.ask(Long.MAX_VALUE);
				for (int i = 0; i < this.attempts.size() + 1; i++) {
					time.advanceTimeBy(Duration.ofMinutes(1));
				}
			}
			Retry.Metrics metrics = policy.retry().getMetrics();
			trace.add("metrics " + metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt() + " "
					+ metrics.getNumberOfSuccessfulCallsWithRetryAttempt() + " "
					+ metrics.getNumberOfFailedCallsWithoutRetryAttempt() + " "
					+ metrics.getNumberOfFailedCallsWithRetryAttempt() + " " + metrics.getNumberOfTotalCalls());
			VirtualTimeScheduler.reset();
			return trace;
		}

		private Mono<String> monoAttempt(int number) {
			Attempt attempt = this.attempts.get(number - 1);
			return switch (attempt.ending()) {
				case COMPLETE -> (attempt.elements() == 1) ? Mono.just("attempt " + number) : Mono.empty();
				case NEVER -> Mono.never();
				default -> Mono.error(attempt.ending().error(number));
			};
		}

		private Flux<String> fluxAttempt(int number) {
			Attempt attempt = this.attempts.get(number - 1);
			Flux<String> elements = Flux.range(1, attempt.elements()).map((i) -> "attempt " + number + " element " + i);
			return switch (attempt.ending()) {
				case COMPLETE -> elements;
				case NEVER -> elements.concatWith(Flux.never());
				default -> elements.concatWith(Flux.error(attempt.ending().error(number)));
			};
		}

		@Override
		public String toString() {
			return (this.mono ? "Mono" : "Flux") + ", " + this.maxAttempts + " attempts at most, attempts "
					+ this.attempts + ", first request " + this.initialRequest + ", requests at each element "
					+ this.onNextRequests + ", steps " + this.steps;
		}

	}

	/**
	 * Records the signals it gets, asks for more as the case says, and notes any element
	 * it did not ask for.
	 */
	static final class Recorder extends BaseSubscriber<String> {

		private final List<String> trace;

		private final long initialRequest;

		private final List<Integer> onNextRequests;

		private long outstanding;

		private int received;

		boolean ended;

		Recorder(List<String> trace, long initialRequest, List<Integer> onNextRequests) {
			this.trace = trace;
			this.initialRequest = initialRequest;
			this.onNextRequests = onNextRequests;
		}

		void ask(long n) {
			this.outstanding = (n == Long.MAX_VALUE || this.outstanding + n < 0) ? Long.MAX_VALUE
					: this.outstanding + n;
			request(n);
		}

		void stop() {
			this.ended = true;
			cancel();
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			if (this.initialRequest > 0) {
				ask(this.initialRequest);
			}
		}

		@Override
		protected void hookOnNext(String value) {
			if (this.outstanding == 0) {
				this.trace.add("an element not asked for");
			}
			else if (this.outstanding != Long.MAX_VALUE) {
				this.outstanding--;
			}
			this.trace.add("next " + value);
			int more = (this.received < this.onNextRequests.size()) ? this.onNextRequests.get(this.received) : 0;
			this.received++;
			if (more > 0) {
				ask(more);
			}
		}

		@Override
		protected void hookOnComplete() {
			this.ended = true;
			this.trace.add("complete");
		}

		@Override
		protected void hookOnError(Throwable error) {
			this.ended = true;
			this.trace.add("error " + error);
		}

	}

}
