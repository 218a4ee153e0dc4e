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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few calls of each workload through each client, against the emulator in its own JVM:
 * proves the harness and every client adapter work, measures nothing.
 */
class LoadHarnessSmokeTests {

	@Test
	void everyClientCompletesEveryWorkloadWithoutErrors() throws IOException {
		HarnessOptions options = HarnessOptions.parse("--requests=10", "--warmup=0", "--concurrency=2", "--streams=6",
				"--stream-calls=6", "--stream-first-token=100ms", "--overload-limit=2", "--overload-requests=8",
				"--fork=false");
		ByteArrayOutputStream tables = new ByteArrayOutputStream();
		List<RunResult> results = LoadHarness.run(options, new PrintStream(tables, true, StandardCharsets.UTF_8));
		assertThat(results).hasSize(ClientKind.values().length * Workload.values().length);
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.errors()).as(result.client() + " on " + result.workload() + ": " + result.firstError())
				.isZero();
			assertThat(result.succeeded() + result.rateLimited()).isEqualTo(result.calls());
		});
		assertThat(results).filteredOn((result) -> result.workload() != Workload.OVERLOAD)
			.allSatisfy((result) -> assertThat(result.succeeded()).isEqualTo(result.calls()));
		assertThat(tables.toString(StandardCharsets.UTF_8)).contains("| raw Reactor Netty (floor) | 10 | 0 | 0 |")
			.contains("| DeepSeekTemplate | 10 | 0 | 0 |");
		String chart = ReportChart.render(results);
		assertThat(chart).startsWith("<svg").endsWith("</svg>\n");
		for (Workload workload : Workload.values()) {
			assertThat(chart).contains(workload.title());
		}
		// Two bars per client and workload, the floor's at 1.00.
		assertThat(chart.split("<rect x=\"250\"", -1)).hasSize(2 * results.size() + 1);
		assertThat(chart).contains(">1.00</text>");
		// A saved run draws the same bars, from the rounded figures of its tables.
		assertThat(ReportChart.parse(tables.toString(StandardCharsets.UTF_8).lines().toList()))
			.extracting(ReportChart.Bar::client)
			.containsExactlyElementsOf(results.stream().map(RunResult::client).toList());
	}

	@Test
	void forkedClientReportsFromItsOwnJvm() throws IOException {
		HarnessOptions options = HarnessOptions.parse("--clients=raw,template", "--workloads=throughput",
				"--requests=10", "--warmup=0", "--concurrency=2");
		List<RunResult> results = LoadHarness.run(options, new PrintStream(new ByteArrayOutputStream()));
		assertThat(results).extracting(RunResult::client)
			.containsExactly(ClientKind.RAW.label(), ClientKind.TEMPLATE.label());
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.succeeded()).isEqualTo(10);
			assertThat(result.cpuSeconds()).isPositive();
			// The compiler's share of the window, read from the kernel's thread figures.
			assertThat(result.jitCpuSeconds()).isNotNaN().isBetween(0.0, result.cpuSeconds());
		});
	}

	@Test
	void roundsTakeTurnsAndEndWithTheirMedians() throws IOException {
		HarnessOptions options = HarnessOptions.parse("--clients=raw,template", "--workloads=throughput",
				"--requests=10", "--warmup=0", "--concurrency=2", "--fork=false", "--rounds=2");
		ByteArrayOutputStream tables = new ByteArrayOutputStream();
		List<List<RunResult>> rounds = LoadHarness.runRounds(options,
				new PrintStream(tables, true, StandardCharsets.UTF_8));
		assertThat(rounds).hasSize(2)
			.allSatisfy((round) -> assertThat(round).extracting(RunResult::client)
				.containsExactly(ClientKind.RAW.label(), ClientKind.TEMPLATE.label()));
		String text = tables.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("### " + Workload.THROUGHPUT.title() + ", round 1 of 2")
			.contains("### " + Workload.THROUGHPUT.title() + ", round 2 of 2")
			.contains("### " + Workload.THROUGHPUT.title() + ", 2 rounds")
			.containsPattern("\\| DeepSeekTemplate \\| CPU per call × floor \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
		// One pair of bars per client: the medians, not each round's.
		assertThat(ReportChart.renderMedians(rounds).split("<rect x=\"250\"", -1)).hasSize(2 * 2 + 1);
	}

	@Test
	void chartReadsSavedTablesWithAndWithoutTheJitColumns() {
		List<String> lines = List.of("### Small",
				"| raw Reactor Netty (floor) | 10 | 0 | 0 | 100 | 1.00 | 0.100 | 10000"
						+ " | 1.00 | 1.0 | 2.0 | 40 | 160 |",
				"| DeepSeekTemplate | 10 | 0 | 0 | 90 | 0.90 | 0.200 | 5000 | 0.50" + " | 1.0 | 2.0 | 80 | 200 |",
				"### Streams",
				"| raw Reactor Netty (floor) | 10 | 0 | 0 | 100 | 1.00 | 0.100 | 30 % | 10000 | 1.00"
						+ " | 1.00 | 1.0 | 2.0 | 40 | 160 |",
				"| DeepSeekTemplate | 10 | 0 | 0 | 90 | 0.90 | 0.125 | 20 % | 8000 | 0.80 | 0.85 | 1.0 | 2.0 | 60 | 200 |");
		assertThat(ReportChart.parse(lines)).containsExactly(
				new ReportChart.Bar("Small", "raw Reactor Netty (floor)", 1.0, 1.0),
				new ReportChart.Bar("Small", "DeepSeekTemplate", 0.5, 2.0),
				new ReportChart.Bar("Streams", "raw Reactor Netty (floor)", 1.0, 1.0),
				new ReportChart.Bar("Streams", "DeepSeekTemplate", 0.8, 1.5));
	}

}
