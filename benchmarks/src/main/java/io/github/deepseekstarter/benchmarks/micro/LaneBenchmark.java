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

package io.github.deepseekstarter.benchmarks.micro;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;

/**
 * Cost of acquiring a lane permit, running an empty body under it and releasing it:
 * alone, from two threads, and from four threads on a lane of one permit, where nearly
 * every acquisition finds the lane full and goes through the fair queue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LaneBenchmark {

	private static final Mono<Integer> BODY = Mono.just(1);

	private final Admission admission = Admission.of(LimiterConfig.FLASH, "tenant-1");

	private final Admission saturatedAdmission = Admission.of("saturated", "tenant-1");

	/** A tenant of weight 3 in a tier with a reserved share, with no budget. */
	private final Admission weightedAdmission = Admission.of(LimiterConfig.FLASH, "tenant-1")
		.withTerms(new TenantTerms("paid", 3, TokenBudget.UNLIMITED));

	/** Two tenants of weights 3 and 1 taking turns on the saturated lane. */
	private final Admission[] weightedSaturated = {
			Admission.of("saturated", "paid").withTerms(new TenantTerms("paid", 3, TokenBudget.UNLIMITED)),
			Admission.of("saturated", "free").withTerms(new TenantTerms("free", 1, TokenBudget.UNLIMITED)) };

	private DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());

	/**
	 * The published limits, plus a one-permit lane with a queue large enough never to
	 * refuse.
	 */
	@Setup
	public void prepare() {
		this.limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.modelLimit("saturated", 1)
			.maxQueueSize(1_000_000)
			.maxWait(Duration.ofMinutes(10))
			.reservedShare("paid", 0.3)
			.build());
	}

	/**
	 * Acquire and release with no other caller.
	 * @param blackhole consumes the body's value
	 */
	@Benchmark
	public void uncontended(Blackhole blackhole) {
		this.limiter.withPermitMono(this.admission, (permit) -> BODY).subscribe(blackhole::consume);
	}

	/**
	 * Acquire and release with no other caller, for a weighted tenant of a tier with a
	 * reserved share.
	 * @param blackhole consumes the body's value
	 */
	@Benchmark
	public void uncontendedWeighted(Blackhole blackhole) {
		this.limiter.withPermitMono(this.weightedAdmission, (permit) -> BODY).subscribe(blackhole::consume);
	}

	/**
	 * Four threads on a lane of one permit, alternating two tenants of weights 3 and 1.
	 * @param blackhole consumes the body's value
	 * @param turn which tenant the thread calls for next
	 */
	@Benchmark
	@Threads(4)
	public void saturatedWeighted(Blackhole blackhole, Turn turn) {
		this.limiter.withPermitMono(this.weightedSaturated[turn.next()], (permit) -> BODY)
			.subscribe(blackhole::consume);
	}

	/**
	 * Which of the two weighted tenants a thread calls for next.
	 */
	@State(Scope.Thread)
	public static class Turn {

		private int turn;

		int next() {
			this.turn ^= 1;
			return this.turn;
		}

	}

	/**
	 * Acquire and release from two threads on the same lane.
	 * @param blackhole consumes the body's value
	 */
	@Benchmark
	@Threads(2)
	public void twoThreads(Blackhole blackhole) {
		this.limiter.withPermitMono(this.admission, (permit) -> BODY).subscribe(blackhole::consume);
	}

	/**
	 * Four threads on a lane of one permit: callers queue and are granted by the
	 * releasing thread.
	 * @param blackhole consumes the body's value
	 */
	@Benchmark
	@Threads(4)
	public void saturatedWithQueue(Blackhole blackhole) {
		this.limiter.withPermitMono(this.saturatedAdmission, (permit) -> BODY).subscribe(blackhole::consume);
	}

}
