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

import java.time.Duration;
import java.util.stream.DoubleStream;

/**
 * The explicit bucket boundaries the OpenTelemetry GenAI conventions (v1.41,
 * {@code docs/gen-ai/gen-ai-metrics.md}) say the client histograms SHOULD have, given to
 * the meters as service level objectives so that a Prometheus scrape shows these
 * {@code le} buckets and no others.
 */
public final class GenAiBuckets {

	private static final double[] SECONDS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
			40.96, 81.92 };

	private static final double[] TOKENS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
			16777216, 67108864 };

	private GenAiBuckets() {
	}

	/**
	 * The boundaries of {@code gen_ai.client.operation.duration} and
	 * {@code gen_ai.client.operation.time_to_first_chunk}: 0.01 s doubling to 81.92 s.
	 * @return a new array of the boundaries
	 */
	public static Duration[] seconds() {
		return DoubleStream.of(SECONDS)
			.mapToObj((seconds) -> Duration.ofNanos(Math.round(seconds * 1e9)))
			.toArray(Duration[]::new);
	}

	/**
	 * The boundaries of {@code gen_ai.client.token.usage}: 1 to 67108864, each four times
	 * the last.
	 * @return a new array of the boundaries
	 */
	public static double[] tokens() {
		return TOKENS.clone();
	}

}
