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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one client on one workload.
 *
 * @param client the client's label
 * @param workload the workload
 * @param calls the calls made
 * @param succeeded the calls that completed
 * @param rateLimited the calls the server answered with 429
 * @param errors the calls that failed otherwise
 * @param wallSeconds the elapsed time
 * @param cpuSeconds the client JVM's CPU time
 * @param jitCpuSeconds the part of it the JIT compiler's threads spent, or NaN where the
 * platform does not tell
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 * @param peakHeapMiB the highest heap in use
 * @param peakRssMiB the peak resident set size
 * @param firstError the first error other than a 429, or an empty text
 */
public record RunResult(String client, Workload workload, int calls, int succeeded, int rateLimited, int errors,
		double wallSeconds, double cpuSeconds, double jitCpuSeconds, double p50Millis, double p99Millis,
		double peakHeapMiB, double peakRssMiB, String firstError) {

	private static final String PREFIX = "RUN-RESULT\t";

	/**
	 * Calls completed per second.
	 * @return the throughput
	 */
	public double throughput() {
		return this.succeeded / this.wallSeconds;
	}

	/**
	 * CPU seconds spent per thousand calls made.
	 * @return the CPU cost
	 */
	public double cpuSecondsPerThousand() {
		return this.cpuSeconds * 1000.0 / this.calls;
	}

	/**
	 * The share of the CPU time the JIT compiler's threads spent.
	 * @return the share, or NaN where unknown
	 */
	public double jitShare() {
		return this.jitCpuSeconds / this.cpuSeconds;
	}

	/**
	 * Calls completed per CPU second of every thread but the JIT compiler's: what a call
	 * costs once the code is compiled.
	 * @return the efficiency, or NaN where the compiler's time is unknown
	 */
	public double callsPerCompiledCpuSecond() {
		return this.succeeded / (this.cpuSeconds - this.jitCpuSeconds);
	}

	/**
	 * Calls completed per CPU second.
	 * @return the efficiency
	 */
	public double callsPerCpuSecond() {
		return this.succeeded / this.cpuSeconds;
	}

	/**
	 * One line for a parent process to read back with {@link #parse(String)}.
	 * @return the line
	 */
	String toLine() {
		return PREFIX + String.join("\t", this.client, this.workload.name(), String.valueOf(this.calls),
				String.valueOf(this.succeeded), String.valueOf(this.rateLimited), String.valueOf(this.errors),
				number(this.wallSeconds), number(this.cpuSeconds), number(this.jitCpuSeconds), number(this.p50Millis),
				number(this.p99Millis), number(this.peakHeapMiB), number(this.peakRssMiB),
				this.firstError.replaceAll("[\t\r\n]", " "));
	}

	/**
	 * Reads a line written by {@link #toLine()}.
	 * @param line the line
	 * @return the result, or {@code null} if the line is not one
	 */
	static @Nullable RunResult parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return null;
		}
		String[] f = line.substring(PREFIX.length()).split("\t", -1);
		return new RunResult(f[0], Workload.valueOf(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
				Integer.parseInt(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
				Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
				Double.parseDouble(f[11]), Double.parseDouble(f[12]), (f.length > 13) ? f[13] : "");
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

}
