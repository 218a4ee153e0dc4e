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

package io.github.deepseekstarter.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import io.github.deepseekstarter.benchmarks.clients.ClientSettings;
import io.github.deepseekstarter.benchmarks.clients.Failures;
import io.github.deepseekstarter.benchmarks.clients.LoadClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one workload through one client in this JVM: a warm-up, then the measured calls as
 * a closed loop with a fixed number in flight.
 */
final class WorkloadRunner {

	private static final Duration RUN_LIMIT = Duration.ofMinutes(30);

	private WorkloadRunner() {
	}

	static RunResult run(ClientKind kind, RunPlan plan, ClientSettings settings) {
		return run(kind, plan, settings, null);
	}

	/**
	 * Runs the workload, with a profile of the measured calls when a file is given.
	 */
	static RunResult run(ClientKind kind, RunPlan plan, ClientSettings settings, @Nullable Path profile) {
		try (LoadClient client = kind.create(settings);
				ResourceMeter meter = new ResourceMeter();
				WindowProfile profiled = WindowProfile.start(profile)) {
			if (plan.warmupCalls() > 0) {
				drive(client, plan, plan.warmupCalls(), new Tally(plan.warmupCalls()));
			}
			Tally tally = new Tally(plan.calls());
			if (profiled != null) {
				profiled.windowStarts();
			}
			meter.start();
			drive(client, plan, plan.calls(), tally);
			ResourceMeter.Usage usage = meter.stop();
			if (profiled != null) {
				profiled.windowEnds();
			}
			return new RunResult(kind.label(), plan.workload(), plan.calls(), tally.succeeded.get(),
					tally.rateLimited.get(), tally.errors.get(), usage.wallSeconds(), usage.cpuSeconds(),
					usage.jitCpuSeconds(), tally.latencies.percentileMillis(0.50),
					tally.latencies.percentileMillis(0.99), usage.peakHeapMiB(), usage.peakRssMiB(),
					tally.firstError.get());
		}
	}

	private static void drive(LoadClient client, RunPlan plan, int calls, Tally tally) {
		Flux.range(0, calls)
			.flatMap((index) -> timed(call(client, plan, index), tally), plan.concurrency(), 1)
			.then()
			.block(RUN_LIMIT);
	}

	private static Mono<Void> call(LoadClient client, RunPlan plan, int index) {
		String model = plan.model(index);
		return plan.streaming() ? client.stream(model) : client.complete(model);
	}

	private static Mono<Void> timed(Mono<Void> call, Tally tally) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.doOnSuccess((ignored) -> {
				tally.latencies.record(System.nanoTime() - start);
				tally.succeeded.incrementAndGet();
			}).onErrorResume((failure) -> {
				tally.fail(failure);
				return Mono.empty();
			});
		});
	}

	private static final class Tally {

		final LatencyRecorder latencies;

		final AtomicInteger succeeded = new AtomicInteger();

		final AtomicInteger rateLimited = new AtomicInteger();

		final AtomicInteger errors = new AtomicInteger();

		final AtomicReference<String> firstError = new AtomicReference<>("");

		Tally(int calls) {
			this.latencies = new LatencyRecorder(calls);
		}

		void fail(Throwable failure) {
			if (Failures.isRateLimited(failure)) {
				this.rateLimited.incrementAndGet();
				return;
			}
			this.errors.incrementAndGet();
			this.firstError.compareAndSet("", failure.getClass().getSimpleName() + ": " + failure.getMessage());
		}

	}

}
