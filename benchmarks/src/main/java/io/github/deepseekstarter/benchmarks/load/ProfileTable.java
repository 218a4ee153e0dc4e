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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;

/**
 * Prints the profiles of a workload's measured windows as a Markdown table: for each
 * component, the microseconds of sampled Java CPU per call of every client.
 */
final class ProfileTable {

	private ProfileTable() {
	}

	static String render(Workload workload, HarnessOptions options, List<RunResult> results) {
		List<Map<WindowProfile.Component, Long>> profiles = new ArrayList<>();
		StringBuilder out = new StringBuilder();
		out.append("#### ").append(workload.title()).append(": sampled Java CPU, µs per call\n\n| component |");
		StringBuilder rule = new StringBuilder("|---|");
		for (int i = 0; i < results.size(); i++) {
			ClientKind kind = options.clients().get(i);
			Path file = options.profileOf(workload, kind);
			profiles.add(read(file));
			out.append(' ').append(results.get(i).client()).append(" |");
			rule.append("---:|");
		}
		out.append('\n').append(rule).append('\n');
		double[] totals = new double[results.size()];
		for (WindowProfile.Component component : WindowProfile.Component.values()) {
			out.append("| ").append(component.label()).append(" |");
			for (int i = 0; i < results.size(); i++) {
				double perCall = perCall(profiles.get(i).get(component), results.get(i));
				totals[i] += perCall;
				out.append(' ').append(format(perCall)).append(" |");
			}
			out.append('\n');
		}
		out.append("| all sampled |");
		for (double total : totals) {
			out.append(' ').append(format(total)).append(" |");
		}
		return out.append("\n\nRecordings in ").append(options.profile()).append('\n').toString();
	}

	private static Map<WindowProfile.Component, Long> read(Path file) {
		if (file == null || !Files.exists(file)) {
			return Map.of();
		}
		try {
			return WindowProfile.read(file);
		}
		catch (IOException ex) {
			System.err.println("Could not read the profile " + file + ": " + ex.getMessage());
			return Map.of();
		}
	}

	/**
	 * A sample stands for one period of CPU: the microseconds of samples per call made.
	 */
	private static double perCall(Long samples, RunResult result) {
		if (samples == null || result.calls() == 0) {
			return Double.NaN;
		}
		return samples * (double) WindowProfile.PERIOD.toNanos() / 1000.0 / result.calls();
	}

	private static String format(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
	}

}
