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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import org.jspecify.annotations.Nullable;

/**
 * The harness's options, given as {@code --name=value} arguments; every one has a default
 * for the full run.
 *
 * @param clients the clients to compare, in order ({@code clients}, comma-separated,
 * default all)
 * @param workloads the workloads to run ({@code workloads}, default all)
 * @param requests measured calls of the throughput workload ({@code requests}, default
 * 200000)
 * @param warmup unmeasured calls before the throughput run ({@code warmup}, default as
 * many as measured)
 * @param concurrency calls in flight in the throughput workload ({@code concurrency},
 * default 64)
 * @param streams concurrent streams, one in six on pro ({@code streams}, default 3000)
 * @param streamHeap {@code -Xmx} of the client JVM in the streams workload
 * ({@code stream-heap}, default 256m)
 * @param overloadLimit the emulator's flash limit in the overload workload
 * ({@code overload-limit}, default 100)
 * @param overloadOffered calls in flight in the overload workload
 * ({@code overload-offered}, default twice the limit)
 * @param overloadRequests measured calls of the overload workload
 * ({@code overload-requests}, default 20000)
 * @param fork whether each client runs in a JVM of its own ({@code fork}, default true)
 * @param streamFirstToken the emulator's time to first token in the streams workload
 * ({@code stream-first-token}, default 1s)
 * @param streamWarmup unmeasured streams before the streams run ({@code stream-warmup},
 * default as many as measured)
 * @param overloadWarmup unmeasured calls before the overload run
 * ({@code overload-warmup}, default as many as measured)
 * @param streamCalls measured streams of the streams workload, {@code streams} of them
 * open at once ({@code stream-calls}, default four times {@code streams})
 * @param profile a directory for a JDK Flight Recorder profile of each client's measured
 * window, summarized by component under each table ({@code profile}, default none)
 * @param rounds how many times every client runs each workload, the clients taking turns
 * against the same emulator, with the median of each ratio to the floor after the rounds'
 * tables ({@code rounds}, default 1)
 */
public record HarnessOptions(List<ClientKind> clients, List<Workload> workloads, int requests, int warmup,
		int concurrency, int streams, String streamHeap, int overloadLimit, int overloadOffered, int overloadRequests,
		boolean fork, String streamFirstToken, int streamWarmup, int overloadWarmup, int streamCalls,
		@Nullable String profile, int rounds) {

	private static final String API_KEY = "--api-key=sk-benchmark";

	private static final int PUBLISHED_FLASH = 2500;

	private static final int PUBLISHED_PRO = 500;

	/**
	 * Measured windows shorter than a few seconds measure the JIT compiler: whatever the
	 * warm-up, its threads spend 0.3 to 0.5 s of CPU once the measured calls start
	 * (methods compiled again after the warm-up's end, the heap sampler's first runs),
	 * which was a third to a half of a window of 20,000 small calls and is a few per cent
	 * of one of 200,000. Streams are measured over this many rounds of the streams open
	 * at once.
	 */
	private static final int STREAM_ROUNDS = 4;

	/**
	 * Checks the options that can be wrong together.
	 */
	public HarnessOptions {
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
		}
		if (rounds > 1 && profile != null) {
			throw new IllegalArgumentException("--profile records one round of each client; run it with --rounds=1");
		}
	}

	/**
	 * Reads the options.
	 * @param args {@code --name=value} arguments
	 * @return the options
	 */
	public static HarnessOptions parse(String... args) {
		Map<String, String> values = values(args);
		int overloadLimit = intValue(values, "overload-limit", 100);
		int requests = intValue(values, "requests", 200000);
		int streams = intValue(values, "streams", 3000);
		int streamCalls = intValue(values, "stream-calls", STREAM_ROUNDS * streams);
		int overloadRequests = intValue(values, "overload-requests", 20000);
		return new HarnessOptions(list(values, "clients", ClientKind::parse, ClientKind.values()),
				list(values, "workloads", HarnessOptions::workload, Workload.values()), requests,
				intValue(values, "warmup", requests), intValue(values, "concurrency", 64), streams,
				values.getOrDefault("stream-heap", "256m"), overloadLimit,
				intValue(values, "overload-offered", 2 * overloadLimit), overloadRequests,
				Boolean.parseBoolean(values.getOrDefault("fork", "true")),
				values.getOrDefault("stream-first-token", "1s"), intValue(values, "stream-warmup", streamCalls),
				intValue(values, "overload-warmup", overloadRequests), streamCalls, values.get("profile"),
				intValue(values, "rounds", 1));
	}

	static Map<String, String> values(String... args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return values;
	}

	/**
	 * The arguments that give these options back, for a child JVM.
	 * @return the arguments
	 */
	List<String> toArgs() {
		List<String> args = new ArrayList<>(List.of("--requests=" + this.requests, "--warmup=" + this.warmup,
				"--concurrency=" + this.concurrency, "--streams=" + this.streams, "--stream-heap=" + this.streamHeap,
				"--overload-limit=" + this.overloadLimit, "--overload-offered=" + this.overloadOffered,
				"--overload-requests=" + this.overloadRequests, "--stream-first-token=" + this.streamFirstToken,
				"--stream-warmup=" + this.streamWarmup, "--overload-warmup=" + this.overloadWarmup,
				"--stream-calls=" + this.streamCalls));
		if (this.profile != null) {
			args.add("--profile=" + this.profile);
		}
		return args;
	}

	/**
	 * Where a client's profile of a workload goes, when profiles are asked for.
	 * @param workload the workload
	 * @param client the client
	 * @return the recording's file, or {@code null} without profiles
	 */
	@Nullable Path profileOf(Workload workload, ClientKind client) {
		return (this.profile != null) ? Path.of(this.profile,
				workload.name().toLowerCase(Locale.ROOT) + "-" + client.name().toLowerCase(Locale.ROOT) + ".jfr")
				: null;
	}

	/**
	 * The most calls any workload has in flight: pools and caller threads are sized to
	 * it.
	 * @return the concurrency
	 */
	int maxConcurrency() {
		return Math.max(this.concurrency, Math.max(this.streams, this.overloadOffered));
	}

	/**
	 * The concrete plan of a workload under these options.
	 * @param workload the workload
	 * @return the plan
	 */
	RunPlan plan(Workload workload) {
		return switch (workload) {
			case THROUGHPUT -> new RunPlan(workload, this.requests, this.warmup, this.concurrency, 0, false, "512m",
					List.of(API_KEY), PUBLISHED_FLASH, PUBLISHED_PRO);
			case STREAMS -> streamsPlan();
			case OVERLOAD -> new RunPlan(workload, this.overloadRequests, this.overloadWarmup, this.overloadOffered, 0,
					false, "512m", List.of(API_KEY, "--flash-limit=" + this.overloadLimit, "--time-to-first-token=50ms",
							"--token-interval=1ms"),
					this.overloadLimit, PUBLISHED_PRO);
		};
	}

	// Half of each lane's streams in flight wait in the server's queue on keep-alives
	// while the other half streams. The limits leave a tenth of room: in a closed loop
	// the mix of models in flight moves by a few, and no stream here is to be refused.
	private RunPlan streamsPlan() {
		int pro = this.streams / 6;
		int flash = this.streams - pro;
		int flashLimit = Math.max(PUBLISHED_FLASH, flash + flash / 10);
		int proLimit = Math.max(PUBLISHED_PRO, pro + pro / 10);
		List<String> emulator = List.of(API_KEY, "--flash-limit=" + flashLimit, "--pro-limit=" + proLimit,
				"--flash-capacity=" + Math.max(1, flash / 2), "--pro-capacity=" + Math.max(1, pro / 2),
				"--keep-alive=250ms", "--time-to-first-token=" + this.streamFirstToken, "--token-interval=20ms");
		return new RunPlan(Workload.STREAMS, this.streamCalls, this.streamWarmup, this.streams, this.streamCalls / 6,
				true, this.streamHeap, emulator, flashLimit, proLimit);
	}

	private static int intValue(Map<String, String> values, String name, int fallback) {
		String value = values.get(name);
		return (value != null) ? Integer.parseInt(value.trim()) : fallback;
	}

	private static Workload workload(String name) {
		return Workload.valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

	private static <T> List<T> list(Map<String, String> values, String name,
			java.util.function.Function<String, T> parser, T[] fallback) {
		String value = values.get(name);
		if (value == null) {
			return Arrays.asList(fallback);
		}
		List<T> parsed = new ArrayList<>();
		for (String part : value.split(",")) {
			parsed.add(parser.apply(part));
		}
		return parsed;
	}

}
