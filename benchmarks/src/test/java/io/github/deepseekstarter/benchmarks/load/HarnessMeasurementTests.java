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

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for how the harness sizes its runs and warm-ups and reads the JIT compiler's CPU.
 */
class HarnessMeasurementTests {

	@Test
	void warmUpsDefaultToTheMeasuredCallsStreamsToFourRoundsAndBothReachTheChildJvm() {
		HarnessOptions options = HarnessOptions.parse("--requests=10", "--streams=6", "--overload-requests=8");
		assertThat(options.plan(Workload.THROUGHPUT).warmupCalls()).isEqualTo(10);
		RunPlan streams = options.plan(Workload.STREAMS);
		assertThat(streams.calls()).isEqualTo(24);
		assertThat(streams.concurrency()).isEqualTo(6);
		assertThat(streams.proCalls()).isEqualTo(4);
		assertThat(streams.warmupCalls()).isEqualTo(24);
		assertThat(options.plan(Workload.OVERLOAD).warmupCalls()).isEqualTo(8);
		HarnessOptions child = HarnessOptions.parse(options.toArgs().toArray(String[]::new));
		for (Workload workload : Workload.values()) {
			assertThat(child.plan(workload)).isEqualTo(options.plan(workload));
		}
		assertThat(HarnessOptions.parse("--streams=6", "--stream-calls=6", "--stream-warmup=0").plan(Workload.STREAMS))
			.satisfies((plan) -> {
				assertThat(plan.calls()).isEqualTo(6);
				assertThat(plan.warmupCalls()).isZero();
			});
	}

	@Test
	void aClosedLoopOfStreamsNeverReachesTheEmulatorsLimits() {
		RunPlan streams = HarnessOptions.parse().plan(Workload.STREAMS);
		assertThat(streams.concurrency()).isEqualTo(3000);
		assertThat(streams.calls()).isEqualTo(12000);
		// 2,500 flash and 500 pro in flight on average.
		assertThat(streams.flashLimit()).isEqualTo(2750);
		assertThat(streams.proLimit()).isEqualTo(550);
		assertThat(streams.emulatorOptions()).contains("--flash-limit=2750", "--pro-limit=550", "--flash-capacity=1250",
				"--pro-capacity=250");
	}

	@Test
	void aCompilerThreadThatEndsOrStartsInTheWindowNeverTakesCpuAway() {
		// Thread 1 ran 5 ticks in the window, thread 2 ended in it, thread 3 started in
		// it
		// and ran 3: 8 ticks of 10 ms.
		Map<String, Long> start = Map.of("1", 10L, "2", 40L);
		Map<String, Long> end = Map.of("1", 15L, "3", 3L);
		assertThat(ResourceMeter.jitSeconds(start, end)).isCloseTo(0.08, within(1e-9));
		assertThat(ResourceMeter.jitSeconds(null, end)).isNaN();
	}

}
