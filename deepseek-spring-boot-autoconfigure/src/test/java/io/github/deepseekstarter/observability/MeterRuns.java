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
package io.github.deepseekstarter.observability;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded runs of the meters' generative tests: {@code -Ddeepseek.meters.runs=N} and
 * {@code -Ddeepseek.meters.seed=S} for a long run or to replay one.
 */
final class MeterRuns {

	private MeterRuns() {
	}

	/**
	 * Runs each seeded run and fails at the first that reports a difference.
	 * @param defaultRuns the runs in {@code mvn verify}
	 * @param run one run from its random source; returns the first difference, or
	 * {@code null}
	 */
	static void check(int defaultRuns, Function<SplittableRandom, @Nullable String> run) {
		int runs = Integer.getInteger("deepseek.meters.runs", defaultRuns);
		long seed = Long.getLong("deepseek.meters.seed", 20261202L);
		SplittableRandom seeds = new SplittableRandom(seed);
		for (int i = 0; i < runs; i++) {
			String failure = run.apply(new SplittableRandom(seeds.nextLong()));
			assertThat(failure)
				.as("run %d of seed %d (replay with -Ddeepseek.meters.seed=%d and runs=%d)", i, seed, seed, i + 1)
				.isNull();
		}
	}

}
