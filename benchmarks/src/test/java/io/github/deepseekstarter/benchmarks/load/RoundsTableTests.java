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

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for the ratios of several rounds: each round's client against the same round's
 * floor, and their median.
 */
class RoundsTableTests {

	private static final String FLOOR = ClientKind.RAW.label();

	private static final String TEMPLATE = ClientKind.TEMPLATE.label();

	@Test
	void eachRoundIsDividedByItsOwnFloor() {
		// The second round ran on a slower machine: floor and template both took twice
		// the CPU, and the ratio did not move.
		List<List<RunResult>> rounds = List.of(List.of(result(FLOOR, 1.0, 10), result(TEMPLATE, 1.3, 10)),
				List.of(result(FLOOR, 2.0, 20), result(TEMPLATE, 2.6, 20)),
				List.of(result(FLOOR, 1.0, 10), result(TEMPLATE, 2.0, 8)));
		assertThat(RoundsTable.ratios(rounds, TEMPLATE, RunResult::cpuSecondsPerThousand))
			.containsExactly(new double[] { 1.3, 1.3, 2.0 }, within(1e-9));
		String table = RoundsTable.render(Workload.THROUGHPUT, rounds);
		assertThat(table).contains("| DeepSeekTemplate | CPU per call × floor | 1.30 | 1.30 | 2.00 | 1.30 |")
			.contains("| DeepSeekTemplate | calls/s × floor | 1.00 | 1.00 | 0.80 | 1.00 |")
			.doesNotContain("| " + FLOOR + " |");
		// Its rows are not read back as a round's table when a chart is drawn from saved
		// tables.
		assertThat(ReportChart.parse(table.lines().toList())).isEmpty();
	}

	@Test
	void aRoundWithoutTheFloorOrTheClientCountsForNothing() {
		List<List<RunResult>> rounds = List.of(List.of(result(FLOOR, 1.0, 10), result(TEMPLATE, 1.2, 10)),
				List.of(result(TEMPLATE, 5.0, 10)), List.of(result(FLOOR, 1.0, 10)));
		double[] ratios = RoundsTable.ratios(rounds, TEMPLATE, RunResult::cpuSecondsPerThousand);
		assertThat(ratios[0]).isCloseTo(1.2, within(1e-9));
		assertThat(ratios[1]).isNaN();
		assertThat(ratios[2]).isNaN();
		assertThat(RoundsTable.median(ratios)).isCloseTo(1.2, within(1e-9));
		assertThat(RoundsTable.render(Workload.THROUGHPUT, rounds))
			.contains("| DeepSeekTemplate | CPU per call × floor | 1.20 | n/a | n/a | 1.20 |");
	}

	@Test
	void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
		assertThat(RoundsTable.median(new double[] { 3, 1, 2 })).isEqualTo(2);
		assertThat(RoundsTable.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
		assertThat(RoundsTable.median(new double[] { Double.NaN })).isNaN();
	}

	@Test
	void theChartOfSeveralRoundsDrawsTheMedianOfEachBar() {
		List<List<RunResult>> rounds = List.of(List.of(result(FLOOR, 1.0, 10), result(TEMPLATE, 2.0, 10)),
				List.of(result(FLOOR, 1.0, 10), result(TEMPLATE, 1.25, 10)),
				List.of(result(FLOOR, 2.0, 10), result(TEMPLATE, 2.5, 10)));
		// Calls per CPU second of the template: 0.5, 0.8 and 0.8 of the floor's.
		assertThat(ReportChart.renderMedians(rounds)).contains(">0.80</text>").doesNotContain(">0.50</text>");
	}

	@Test
	void roundsAreAtLeastOneAndProfilesRecordOnlyOne() {
		assertThat(HarnessOptions.parse().rounds()).isEqualTo(1);
		assertThat(HarnessOptions.parse("--rounds=3").rounds()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> HarnessOptions.parse("--rounds=0"))
			.withMessageContaining("--rounds");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HarnessOptions.parse("--rounds=2", "--profile=/tmp/profiles"))
			.withMessageContaining("--profile")
			.withMessageContaining("--rounds=1");
	}

	/**
	 * A result of 1,000 calls that took the given CPU seconds per thousand, at the given
	 * calls per second.
	 */
	private static RunResult result(String client, double cpuSeconds, double callsPerSecond) {
		return new RunResult(client, Workload.THROUGHPUT, 1000, 1000, 0, 0, 1000 / callsPerSecond, cpuSeconds, 0, 1, 2,
				50, 300, "");
	}

}
