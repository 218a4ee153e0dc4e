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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

/**
 * Random runs of overlapping calls recorded by an observer that keeps each shape's meters
 * and by one that keeps none, so registers every meter each time it records it, on two
 * registries driven alike: same calls, same events in the same interleaving, same clock,
 * same meters removed and registries cleared at the same steps. The two registries must
 * hold the same meters with the same descriptions, units, counts, totals, maxima and
 * histograms, so keeping meters changes nothing a registry shows, also past the bounds of
 * shapes and response models and after meters are removed while calls are in flight.
 * <p>
 * {@value #DEFAULT_RUNS} runs in {@code mvn verify}; {@code -Ddeepseek.meters.runs=N} and
 * {@code -Ddeepseek.meters.seed=S} for a long run or to replay one.
 */
class CallMetersGenerativeTests {

	private static final int DEFAULT_RUNS = 300;

	private static final String[] OPERATIONS = { "chat", "text_completion" };

	private static final String[] PROTOCOLS = { "openai", "anthropic" };

	private static final String[][] MODELS = { { "deepseek-v4-flash", LimiterConfig.FLASH },
			{ "deepseek-v4-pro", LimiterConfig.PRO }, { "deepseek-chat", LimiterConfig.FLASH },
			{ "someone-elses-model", LimiterConfig.DEFAULT_LANE } };

	private static final int[] STATUSES = { 200, 200, 200, 429, 500, 503 };

	@Test
	void keepingEachShapesMetersRecordsWhatRegisteringThemOnEveryCallRecords() {
		MeterRuns.check(DEFAULT_RUNS, CallMetersGenerativeTests::run);
	}

	/**
	 * One run; returns the first difference between the registries, or {@code null}.
	 */
	private static @Nullable String run(SplittableRandom random) {
		boolean legacyNames = random.nextBoolean();
		boolean tenants = random.nextInt(3) > 0;
		// Some runs have more shapes than the observer keeps, or more response models
		// than a shape keeps.
		int keptShapes = (random.nextInt(4) == 0) ? 1 + random.nextInt(8) : CallMeters.Cache.MAX_SHAPES;
		boolean manyModels = random.nextInt(6) == 0;
		int tenantPool = 1 + random.nextInt(12);
		int responseModelPool = manyModels ? CallMeters.MAX_VARIANTS + 16 : 1 + random.nextInt(4);
		int calls = manyModels ? 300 : 1 + random.nextInt(60);
		int maxTenants = tenants ? 1 + random.nextInt(tenantPool + 1) : 0;
		PriceTable prices = random.nextBoolean() ? PriceTable.deepSeekDefaults() : PriceTable.none();
		Side kept = new Side(legacyNames, tenants ? TenantTags.capped(maxTenants) : TenantTags.disabled(), prices,
				keptShapes);
		Side registered = new Side(legacyNames, tenants ? TenantTags.capped(maxTenants) : TenantTags.disabled(), prices,
				0);
		List<OpenCall> open = new ArrayList<>();
		int started = 0;
		while (started < calls || !open.isEmpty()) {
			int step = random.nextInt(100);
			if (started < calls && (open.isEmpty() || (open.size() < 4 && step < 30))) {
				CallInfo call = call(random, tenantPool);
				open.add(new OpenCall(kept.observer.start(call, Context.empty()),
						registered.observer.start(call, Context.empty()), call.stream()));
				started++;
			}
			else if (step < 33 && !kept.registry.getMeters().isEmpty()) {
				List<Meter> meters = kept.registry.getMeters();
				Meter.Id id = meters.get(random.nextInt(meters.size())).getId();
				kept.registry.remove(id);
				if (registered.registry.remove(id) == null) {
					return "meter " + id + " was removed from the kept side only";
				}
			}
			else if (step == 34 && random.nextInt(4) == 0) {
				kept.registry.clear();
				registered.registry.clear();
			}
			else {
				OpenCall call = open.get(random.nextInt(open.size()));
				if (call.step(random, responseModelPool)) {
					open.remove(call);
				}
			}
			long advance = random.nextInt(50);
			kept.clock.add(advance, TimeUnit.MILLISECONDS);
			registered.clock.add(advance, TimeUnit.MILLISECONDS);
		}
		Map<String, String> expected = snapshot(registered.registry);
		Map<String, String> actual = snapshot(kept.registry);
		if (!actual.equals(expected)) {
			for (String id : expected.keySet()) {
				if (!expected.get(id).equals(actual.get(id))) {
					return id + ": registering on every call shows " + expected.get(id) + ", keeping shows "
							+ actual.get(id);
				}
			}
			return "keeping shows meters registering on every call does not: "
					+ actual.keySet().stream().filter((id) -> !expected.containsKey(id)).toList();
		}
		return null;
	}

	private static CallInfo call(SplittableRandom random, int tenantPool) {
		String[] model = MODELS[random.nextInt(MODELS.length)];
		String userId = (random.nextInt(5) == 0) ? null : "tenant-" + random.nextInt(tenantPool);
		return new CallInfo(OPERATIONS[random.nextInt(OPERATIONS.length)], PROTOCOLS[random.nextInt(PROTOCOLS.length)],
				model[0], model[1], random.nextBoolean(), userId);
	}

	/**
	 * A registry on its own mock clock and its observer.
	 */
	private static final class Side {

		final MockClock clock = new MockClock();

		final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

		final MicrometerDeepSeekObserver observer;

		Side(boolean legacyNames, TenantTags tenantTags, PriceTable prices, int keptShapes) {
			this.observer = MicrometerDeepSeekObserver.builder(this.registry)
				.legacyNames(legacyNames)
				.tenantTags(tenantTags)
				.prices(prices)
				.keptShapes(keptShapes)
				.build();
		}

	}

	/**
	 * One call in flight on both sides, given the same events.
	 */
	private static final class OpenCall {

		private final CallObserver kept;

		private final CallObserver registered;

		private final boolean stream;

		private boolean answered;

		OpenCall(CallObserver kept, CallObserver registered, boolean stream) {
			this.kept = kept;
			this.registered = registered;
			this.stream = stream;
		}

		/**
		 * Gives both observers one random event; returns whether the call ended.
		 */
		boolean step(SplittableRandom random, int responseModelPool) {
			int event = random.nextInt(this.answered ? 8 : 3);
			if (!this.answered && event < 2) {
				int status = STATUSES[random.nextInt(STATUSES.length)];
				this.kept.onResponse(status);
				this.registered.onResponse(status);
				ResponseMetadata metadata = new ResponseMetadata(random.nextInt(4),
						Duration.ofMillis(random.nextInt(500)));
				this.kept.onFirstByte(metadata);
				this.registered.onFirstByte(metadata);
				this.answered = true;
				return false;
			}
			switch (event) {
				case 3, 4 -> {
					String model = (random.nextInt(4) == 0) ? null : "model-" + random.nextInt(responseModelPool);
					ResponseDetails details = new ResponseDetails("id", model,
							(random.nextBoolean()) ? List.of() : List.of("stop"));
					this.kept.onResponseDetails(details);
					this.registered.onResponseDetails(details);
					return false;
				}
				case 5 -> {
					this.kept.onFirstToken();
					this.registered.onFirstToken();
					return false;
				}
				case 6 -> {
					TokenUsage usage = new TokenUsage(random.nextInt(5000), random.nextInt(2000), random.nextInt(1000),
							random.nextInt(1000), random.nextInt(500));
					this.kept.onUsage(usage);
					this.registered.onUsage(usage);
					return false;
				}
				default -> {
					int ending = random.nextInt(4);
					Throwable error = switch (ending) {
						case 1 -> DeepSeekApiException.create(500, "Internal error", "server_error", null, null, null);
						case 2 -> new IllegalStateException("broken");
						default -> null;
					};
					boolean cancelled = ending == 3;
					this.kept.onEnd(error, cancelled);
					this.registered.onEnd(error, cancelled);
					if (random.nextInt(5) == 0) {
						// A second end is ignored by both.
						this.kept.onEnd(null, true);
						this.registered.onEnd(null, true);
					}
					return true;
				}
			}
		}

	}

	/**
	 * Every meter of a registry by its id, with what it shows.
	 */
	private static Map<String, String> snapshot(SimpleMeterRegistry registry) {
		Map<String, String> meters = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			Meter.Id id = meter.getId();
			String shown = id.getType() + " " + id.getDescription() + " " + id.getBaseUnit() + " ";
			if (meter instanceof Timer timer) {
				shown += timer.count() + " " + timer.totalTime(TimeUnit.NANOSECONDS) + " "
						+ timer.max(TimeUnit.NANOSECONDS) + " "
						+ Arrays.toString(timer.takeSnapshot().histogramCounts());
			}
			else if (meter instanceof DistributionSummary summary) {
				shown += summary.count() + " " + summary.totalAmount() + " " + summary.max() + " "
						+ Arrays.toString(summary.takeSnapshot().histogramCounts());
			}
			else if (meter instanceof Counter counter) {
				shown += counter.count();
			}
			meters.put(id.getName() + id.getTags(), shown);
		}
		return meters;
	}

}
