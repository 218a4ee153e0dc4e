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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;

/**
 * Draws a run's results as an SVG bar chart: for every workload, each client's calls per
 * CPU second and peak heap relative to the raw floor of the same run (the floor is the
 * line at 1). Written by hand, as a few rectangles and labels need no library.
 */
final class ReportChart {

	private static final int WIDTH = 760;

	private static final int LABEL = 250;

	private static final int BAR = 12;

	private static final int ROW = 2 * BAR + 8;

	private static final String CPU_COLOUR = "#3b6fb6";

	private static final String HEAP_COLOUR = "#e08a2c";

	private ReportChart() {
	}

	/**
	 * Draws the chart of a run saved as the harness printed it, for a run made before the
	 * harness wrote its chart: {@code ReportChart tables.md chart.svg}.
	 * @param args the Markdown tables and the SVG to write
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Files.writeString(Path.of(args[1]), draw(parse(Files.readAllLines(Path.of(args[0])))), StandardCharsets.UTF_8);
	}

	static List<Bar> parse(List<String> lines) {
		List<Bar> bars = new ArrayList<>();
		String workload = "";
		double floorCalls = Double.NaN;
		double floorHeap = Double.NaN;
		for (String line : lines) {
			if (line.startsWith("### ")) {
				workload = line.substring(4).trim();
			}
			String[] cells = line.split("\\|", -1);
			// Tables without the JIT columns have 13 columns, tables with them 15.
			boolean withJit = cells.length == 17;
			if ((withJit || cells.length == 15) && !cells[2].isBlank()
					&& Character.isDigit(cells[2].trim().charAt(0))) {
				double calls = Double.parseDouble(cells[withJit ? 9 : 8].trim());
				double heap = Double.parseDouble(cells[withJit ? 14 : 12].trim());
				if (cells[1].trim().equals(ClientKind.RAW.label())) {
					floorCalls = calls;
					floorHeap = heap;
				}
				bars.add(new Bar(workload, cells[1].trim(), calls / floorCalls, heap / floorHeap));
			}
		}
		return bars;
	}

	/**
	 * One bar pair of the chart.
	 *
	 * @param workload the workload's title
	 * @param client the client's label
	 * @param callsPerCpuSecond calls per CPU second relative to the floor
	 * @param peakHeap peak heap relative to the floor
	 */
	record Bar(String workload, String client, double callsPerCpuSecond, double peakHeap) {
	}

	static String render(List<RunResult> results) {
		return draw(bars(results));
	}

	/**
	 * Draws the median of each bar over the rounds of a run, each round's bars relative
	 * to that round's floor.
	 * @param rounds every client's result, one list per round of a workload
	 * @return the SVG
	 */
	static String renderMedians(List<List<RunResult>> rounds) {
		Map<List<String>, List<Bar>> each = new LinkedHashMap<>();
		for (List<RunResult> round : rounds) {
			for (Bar bar : bars(round)) {
				each.computeIfAbsent(List.of(bar.workload(), bar.client()), (key) -> new ArrayList<>()).add(bar);
			}
		}
		List<Bar> medians = new ArrayList<>();
		each.forEach((key,
				bars) -> medians.add(new Bar(key.get(0), key.get(1),
						RoundsTable.median(bars.stream().mapToDouble(Bar::callsPerCpuSecond).toArray()),
						RoundsTable.median(bars.stream().mapToDouble(Bar::peakHeap).toArray()))));
		return draw(medians);
	}

	private static List<Bar> bars(List<RunResult> results) {
		List<Bar> bars = new ArrayList<>();
		Map<Workload, RunResult> floors = new LinkedHashMap<>();
		for (RunResult result : results) {
			if (result.client().equals(ClientKind.RAW.label())) {
				floors.putIfAbsent(result.workload(), result);
			}
		}
		for (RunResult result : results) {
			RunResult floor = floors.get(result.workload());
			if (floor != null) {
				bars.add(new Bar(result.workload().title(), result.client(),
						result.callsPerCpuSecond() / floor.callsPerCpuSecond(),
						result.peakHeapMiB() / floor.peakHeapMiB()));
			}
		}
		return bars;
	}

	static String draw(List<Bar> bars) {
		double max = 1.0;
		Map<String, List<Bar>> byWorkload = new LinkedHashMap<>();
		for (Bar bar : bars) {
			max = Math.max(max, Math.max(finite(bar.callsPerCpuSecond()), finite(bar.peakHeap())));
			byWorkload.computeIfAbsent(bar.workload(), (key) -> new ArrayList<>()).add(bar);
		}
		double scale = (WIDTH - LABEL - 60) / Math.ceil(max);
		int height = 50 + byWorkload.size() * 30 + bars.size() * ROW + 20;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
						+ " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
				WIDTH, height));
		legend(svg, 10, CPU_COLOUR, "calls per CPU second, × floor (higher is better)");
		legend(svg, 380, HEAP_COLOUR, "peak heap, × floor (lower is better)");
		int y = 40;
		for (Map.Entry<String, List<Bar>> workload : byWorkload.entrySet()) {
			y += 22;
			svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y,
					escape(workload.getKey())));
			y += 8;
			int top = y;
			for (Bar bar : workload.getValue()) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
						LABEL - 8, y + BAR + 4, escape(bar.client())));
				bar(svg, y, bar.callsPerCpuSecond(), scale, CPU_COLOUR);
				bar(svg, y + BAR, bar.peakHeap(), scale, HEAP_COLOUR);
				y += ROW;
			}
			int one = LABEL + (int) Math.round(scale);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>%n", one,
					top - 4, one, y - 4));
		}
		return svg.append("</svg>\n").toString();
	}

	private static void legend(StringBuilder svg, int x, String colour, String text) {
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"12\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"22\">%s</text>%n",
				x, colour, x + 18, escape(text)));
	}

	private static void bar(StringBuilder svg, int y, double ratio, double scale, String colour) {
		double value = finite(ratio);
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
						+ "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>%n",
				LABEL, y, value * scale, BAR - 1, colour, LABEL + value * scale + 4, y + BAR - 2,
				Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a"));
	}

	private static double finite(double value) {
		return Double.isFinite(value) ? value : 0;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
