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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import io.github.deepseekstarter.benchmarks.clients.ClientSettings;

/**
 * Drives the same workloads through each client in turn, in one run, against the DeepSeek
 * emulator in a JVM of its own, and prints Markdown tables with ratios to the raw floor.
 * From the root of a fresh clone: <pre class="code">
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.deepseekstarter.benchmarks.load.LoadHarness
 * </pre> See {@link HarnessOptions} for the options; {@code --chart=<file>} names the SVG
 * chart of the run ({@code load-harness.svg} by default).
 */
public final class LoadHarness {

	private LoadHarness() {
	}

	/**
	 * Runs the harness and prints the tables.
	 * @param args {@code --name=value} options
	 * @throws IOException if the emulator or a client JVM cannot be started
	 */
	public static void main(String[] args) throws IOException {
		List<List<RunResult>> rounds = runRounds(HarnessOptions.parse(args), System.out);
		// The chart goes next to the tables: --chart=<file>, load-harness.svg by default.
		Path chart = Path.of(HarnessOptions.values(args).getOrDefault("chart", "load-harness.svg"));
		Files.writeString(chart, ReportChart.renderMedians(rounds), StandardCharsets.UTF_8);
		System.err.println("Chart written to " + chart.toAbsolutePath());
		System.exit(0);
	}

	/**
	 * Runs every workload of the options through every client.
	 * @param options the options
	 * @param out where the tables go
	 * @return every result, workload by workload and round by round
	 * @throws IOException if the emulator or a client JVM cannot be started
	 */
	public static List<RunResult> run(HarnessOptions options, PrintStream out) throws IOException {
		List<RunResult> all = new ArrayList<>();
		for (List<RunResult> round : runRounds(options, out)) {
			all.addAll(round);
		}
		return all;
	}

	/**
	 * Runs every workload of the options through every client, the clients taking turns
	 * as many rounds as asked for, against one emulator per workload: a client that runs
	 * while the machine is slower than usual is then seen beside the floor measured just
	 * before or after it.
	 * @param options the options
	 * @param out where the tables go
	 * @return one list per round of a workload, with every client's result in it
	 * @throws IOException if the emulator or a client JVM cannot be started
	 */
	static List<List<RunResult>> runRounds(HarnessOptions options, PrintStream out) throws IOException {
		List<List<RunResult>> all = new ArrayList<>();
		for (Workload workload : options.workloads()) {
			RunPlan plan = options.plan(workload);
			List<List<RunResult>> rounds = new ArrayList<>();
			try (EmulatorProcess emulator = EmulatorProcess.start(plan.emulatorOptions())) {
				// One unmeasured pass warms the emulator, so the first client measured
				// does not pay for its JIT.
				System.err.println("Warming the emulator for " + workload);
				WorkloadRunner.run(ClientKind.RAW, plan, settings(emulator.baseUrl(), options, plan));
				for (int round = 1; round <= options.rounds(); round++) {
					List<RunResult> results = new ArrayList<>();
					for (ClientKind kind : options.clients()) {
						System.err.println("Running " + workload + " through " + kind.label()
								+ ((options.rounds() > 1) ? ", round " + round + " of " + options.rounds() : ""));
						results.add(options.fork() ? forked(kind, workload, plan, options, emulator.baseUrl())
								: WorkloadRunner.run(kind, plan, settings(emulator.baseUrl(), options, plan),
										options.profileOf(workload, kind)));
					}
					out.println(ReportTable.render(workload, plan, results,
							(options.rounds() > 1) ? ", round " + round + " of " + options.rounds() : ""));
					out.flush();
					rounds.add(results);
				}
			}
			if (options.profile() != null) {
				out.println(ProfileTable.render(workload, options, rounds.get(0)));
			}
			if (options.rounds() > 1) {
				out.println(RoundsTable.render(workload, rounds));
			}
			out.flush();
			all.addAll(rounds);
		}
		return all;
	}

	static ClientSettings settings(URI baseUrl, HarnessOptions options, RunPlan plan) {
		return ClientSettings.of(baseUrl, options.maxConcurrency(), plan.flashLimit(), plan.proLimit());
	}

	private static RunResult forked(ClientKind kind, Workload workload, RunPlan plan, HarnessOptions options,
			URI baseUrl) throws IOException {
		List<String> command = new ArrayList<>(JavaCommand.base("-Xmx" + plan.maxHeap()));
		command.add(ClientRun.class.getName());
		command.addAll(options.toArgs());
		command.add("--workload=" + workload.name());
		command.add("--client=" + kind.name());
		command.add("--base-url=" + baseUrl);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		RunResult result = null;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				RunResult parsed = RunResult.parse(line);
				if (parsed != null) {
					result = parsed;
				}
			}
		}
		int status = waitFor(process);
		if (result != null) {
			return result;
		}
		return new RunResult(kind.label(), workload, plan.calls(), 0, 0, plan.calls(), Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				"the client JVM exited with status " + status + " before reporting");
	}

	private static int waitFor(Process process) {
		try {
			if (process.waitFor(Duration.ofMinutes(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				return process.exitValue();
			}
			process.destroyForcibly();
			return -1;
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
