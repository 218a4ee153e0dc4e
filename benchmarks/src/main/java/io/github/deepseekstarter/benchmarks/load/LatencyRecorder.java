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

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies of a known number of calls, kept whole so that the percentiles are exact.
 */
final class LatencyRecorder {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	LatencyRecorder(int calls) {
		this.nanos = new long[calls];
	}

	void record(long latencyNanos) {
		int index = this.count.getAndIncrement();
		if (index < this.nanos.length) {
			this.nanos[index] = latencyNanos;
		}
	}

	/**
	 * The latency under which the given share of calls finished, in milliseconds.
	 * @param quantile between 0 and 1
	 * @return the latency, or NaN when nothing was recorded
	 */
	double percentileMillis(double quantile) {
		int recorded = Math.min(this.count.get(), this.nanos.length);
		if (recorded == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, recorded);
		Arrays.sort(sorted);
		int index = (int) Math.min(recorded - 1, Math.max(0, Math.ceil(quantile * recorded) - 1));
		return sorted[index] / 1e6;
	}

}
