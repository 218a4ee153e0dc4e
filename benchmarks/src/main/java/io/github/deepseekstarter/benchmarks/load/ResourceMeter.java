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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Measures what one run costs this JVM: process CPU time, the part of it the JIT
 * compiler's threads spent, the highest heap in use (sampled) and the peak resident set
 * size. The emulator runs in another process, so none of its work is counted here.
 */
final class ResourceMeter implements AutoCloseable {

	private static final Path STATUS = Path.of("/proc/self/status");

	private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

	private static final Path TASKS = Path.of("/proc/self/task");

	private static final long NANOS_PER_TICK = 10_000_000L;

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "heap-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong peakHeap = new AtomicLong();

	private long startCpu;

	private @Nullable Map<String, Long> startJit;

	private long startNanos;

	/**
	 * Collects garbage, resets the peaks and starts the clocks.
	 */
	void start() {
		this.memory.gc();
		resetPeakRss();
		this.peakHeap.set(this.memory.getHeapMemoryUsage().getUsed());
		this.sampler.scheduleAtFixedRate(this::sampleHeap, 0, 10, TimeUnit.MILLISECONDS);
		this.startJit = jitTicks();
		this.startCpu = this.os.getProcessCpuTime();
		this.startNanos = System.nanoTime();
	}

	/**
	 * Stops the clocks.
	 * @return the figures of the run
	 */
	Usage stop() {
		long wall = System.nanoTime() - this.startNanos;
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		double jit = jitSeconds(this.startJit, jitTicks());
		this.sampler.shutdownNow();
		sampleHeap();
		return new Usage(wall / 1e9, cpu / 1e9, jit, this.peakHeap.get() / (1024.0 * 1024.0), peakRssMiB());
	}

	private void sampleHeap() {
		long used = this.memory.getHeapMemoryUsage().getUsed();
		this.peakHeap.accumulateAndGet(used, Math::max);
	}

	/**
	 * The CPU ticks of HotSpot's compiler threads so far, by thread id, from the kernel's
	 * per-thread figures (USER_HZ, 100 a second on Linux); {@code null} where they cannot
	 * be read.
	 */
	private static @Nullable Map<String, Long> jitTicks() {
		try (Stream<Path> tasks = Files.list(TASKS)) {
			Map<String, Long> ticks = new HashMap<>();
			for (Path task : (Iterable<Path>) tasks::iterator) {
				long used = compilerTicks(task);
				if (used >= 0) {
					ticks.put(task.getFileName().toString(), used);
				}
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The compiler's CPU between two readings. HotSpot starts and stops compiler threads
	 * as the queue grows and empties: a thread that started in the window counts whole,
	 * one that ended in it counts nothing, so the figure never goes below zero.
	 */
	static double jitSeconds(@Nullable Map<String, Long> start, @Nullable Map<String, Long> end) {
		if (start == null || end == null) {
			return Double.NaN;
		}
		long ticks = 0;
		for (Map.Entry<String, Long> thread : end.entrySet()) {
			ticks += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
		}
		return ticks * NANOS_PER_TICK / 1e9;
	}

	/**
	 * The CPU ticks of one thread if it is a compiler thread, else -1.
	 */
	private static long compilerTicks(Path task) {
		try {
			String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII);
			if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
				return -1;
			}
			String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
			// Fields after the command's closing parenthesis: utime is the 12th, stime
			// the 13th.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			// The thread ended while it was read.
			return -1;
		}
	}

	// Writing 5 resets VmHWM to the current RSS (Linux 4.0 and later).
	private static void resetPeakRss() {
		try {
			Files.writeString(CLEAR_REFS, "5");
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or not allowed: the peak is then the process's lifetime peak.
		}
	}

	private static double peakRssMiB() {
		try {
			for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: no figure.
		}
		return Double.NaN;
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	/**
	 * What one run cost.
	 *
	 * @param wallSeconds the elapsed time
	 * @param cpuSeconds the process CPU time, all threads
	 * @param jitCpuSeconds the part of it spent by the JIT compiler's threads, or NaN
	 * @param peakHeapMiB the highest heap in use seen
	 * @param peakRssMiB the peak resident set size
	 */
	record Usage(double wallSeconds, double cpuSeconds, double jitCpuSeconds, double peakHeapMiB, double peakRssMiB) {
	}

}
