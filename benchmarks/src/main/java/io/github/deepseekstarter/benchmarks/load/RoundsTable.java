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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import org.jspecify.annotations.Nullable;

/**
 * The ratios to the floor of every round of a workload, side by side, and their median:
 * each client's figures divided by the floor's of the same round, so that a round the
 * whole machine ran slower in moves the floor with the client.
 */
final class RoundsTable {

	private RoundsTable() {
	}

	/**
	 * Renders the ratios of every client but the floor, round by round.
	 * @param workload the workload
	 * @param rounds every client's result, one list per round
	 * @return the Markdown
	 */
	static String render(Workload workload, List<List<RunResult>> rounds) {
		StringBuilder out = new StringBuilder();
		out.append("### ").append(workload.title()).append(", ").append(rounds.size()).append(" rounds\n\n");
		out.append("| client | figure |");
		for (int round = 1; round <= rounds.size(); round++) {
			out.append(" round ").append(round).append(" |");
		}
		out.append(" median |\n|---|---|");
		out.append("---:|".repeat(rounds.size() + 1)).append('\n');
		for (String client : clients(rounds)) {
			row(out, client, "CPU per call × floor", ratios(rounds, client, RunResult::cpuSecondsPerThousand));
			row(out, client, "calls/s × floor", ratios(rounds, client, RunResult::throughput));
		}
		return out.toString();
	}

	/**
	 * A client's figure divided by the floor's of the same round, round by round.
	 * @param rounds every client's result, one list per round
	 * @param client the client's label
	 * @param figure the figure
	 * @return one ratio per round, NaN where the round has no floor or no such client
	 */
	static double[] ratios(List<List<RunResult>> rounds, String client, ToDoubleFunction<RunResult> figure) {
		double[] ratios = new double[rounds.size()];
		for (int i = 0; i < ratios.length; i++) {
			RunResult floor = find(rounds.get(i), ClientKind.RAW.label());
			RunResult result = find(rounds.get(i), client);
			ratios[i] = (floor != null && result != null) ? figure.applyAsDouble(result) / figure.applyAsDouble(floor)
					: Double.NaN;
		}
		return ratios;
	}

	/**
	 * The median of the finite values, the mean of the middle two when their number is
	 * even.
	 * @param values the values
	 * @return the median, or NaN when no value is finite
	 */
	static double median(double[] values) {
		double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
		if (finite.length == 0) {
			return Double.NaN;
		}
		int middle = finite.length / 2;
		return (finite.length % 2 == 1) ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
	}

	private static List<String> clients(List<List<RunResult>> rounds) {
		Map<String, Boolean> clients = new LinkedHashMap<>();
		for (List<RunResult> round : rounds) {
			for (RunResult result : round) {
				if (!result.client().equals(ClientKind.RAW.label())) {
					clients.putIfAbsent(result.client(), true);
				}
			}
		}
		return new ArrayList<>(clients.keySet());
	}

	private static @Nullable RunResult find(List<RunResult> round, String client) {
		return round.stream().filter((result) -> result.client().equals(client)).findFirst().orElse(null);
	}

	private static void row(StringBuilder out, String client, String figure, double[] ratios) {
		out.append("| ").append(client).append(" | ").append(figure).append(" |");
		for (double ratio : ratios) {
			out.append(' ').append(format(ratio)).append(" |");
		}
		out.append(' ').append(format(median(ratios))).append(" |\n");
	}

	private static String format(double ratio) {
		return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a";
	}

}
