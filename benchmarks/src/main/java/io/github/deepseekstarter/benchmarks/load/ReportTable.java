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

import java.util.List;
import java.util.Locale;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;

/**
 * Prints a workload's results as a Markdown table, with ratios to the raw floor measured
 * in the same run.
 */
final class ReportTable {

	private ReportTable() {
	}

	/**
	 * One round's table, its heading naming the round when there are several.
	 * @param workload the workload
	 * @param plan its plan
	 * @param results every client's result of the round
	 * @param round what the heading adds after the workload's title, such as
	 * {@code ", round 2 of 3"}, or nothing
	 * @return the Markdown
	 */
	static String render(Workload workload, RunPlan plan, List<RunResult> results, String round) {
		StringBuilder out = new StringBuilder();
		out.append("### ").append(workload.title()).append(round).append("\n\n");
		out.append(String.format(Locale.ROOT, "%d calls, %d in flight, %d on pro, client JVM -Xmx%s; emulator %s%n%n",
				plan.calls(), plan.concurrency(), plan.proCalls(), plan.maxHeap(),
				String.join(" ", plan.emulatorOptions())));
		out.append("| client | ok | server 429s | errors | calls/s | × floor | CPU s / 1k calls | of which JIT"
				+ " | calls / CPU s | × floor | × floor, JIT aside | p50 ms | p99 ms | peak heap MiB | peak RSS MiB |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		RunResult floor = results.stream()
			.filter((result) -> result.client().equals(ClientKind.RAW.label()))
			.findFirst()
			.orElse(null);
		for (RunResult result : results) {
			out.append(String.format(Locale.ROOT,
					"| %s | %d | %d | %d | %.0f | %s | %.3f | %s | %.0f | %s | %s | %.1f | %.1f | %.0f | %.0f |%n",
					result.client(), result.succeeded(), result.rateLimited(), result.errors(), result.throughput(),
					ratio(result.throughput(), (floor != null) ? floor.throughput() : Double.NaN),
					result.cpuSecondsPerThousand(), percent(result.jitShare()), result.callsPerCpuSecond(),
					ratio(result.callsPerCpuSecond(), (floor != null) ? floor.callsPerCpuSecond() : Double.NaN),
					ratio(result.callsPerCompiledCpuSecond(),
							(floor != null) ? floor.callsPerCompiledCpuSecond() : Double.NaN),
					result.p50Millis(), result.p99Millis(), result.peakHeapMiB(), result.peakRssMiB()));
		}
		for (RunResult result : results) {
			if (!result.firstError().isEmpty()) {
				out.append("\n")
					.append(result.client())
					.append(", first error: `")
					.append(result.firstError())
					.append('`');
			}
		}
		return out.append("\n").toString();
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
	}

	private static String ratio(double value, double floor) {
		if (Double.isNaN(value) || Double.isNaN(floor) || floor == 0) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.2f", value / floor);
	}

}
