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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Random runs of what a limiter tells its listener (admissions with their wait,
 * rejections by reason, budget rejections by period, abandons), on few lanes or more than
 * the listener keeps meters for, with meters removed and the registry cleared mid-run.
 * The registry must show what a model of it expects: each meter counting the events since
 * it was last removed, with its description.
 * <p>
 * {@value #DEFAULT_RUNS} runs in {@code mvn verify}; {@code -Ddeepseek.meters.runs=N} and
 * {@code -Ddeepseek.meters.seed=S} for a long run or to replay one.
 */
class MicrometerLimiterListenerGenerativeTests {

	private static final int DEFAULT_RUNS = 200;

	@Test
	void theRegistryShowsEveryEventSinceItsMeterWasLastRemoved() {
		MeterRuns.check(DEFAULT_RUNS, MicrometerLimiterListenerGenerativeTests::run);
	}

	private static @Nullable String run(SplittableRandom random) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerLimiterListener listener = new MicrometerLimiterListener(registry);
		// Past 256 lanes the listener registers each time instead of keeping.
		int lanes = (random.nextInt(8) == 0) ? 300 : 1 + random.nextInt(4);
		int events = (lanes > 4) ? 3000 : 1 + random.nextInt(200);
		Map<String, long[]> model = new TreeMap<>();
		for (int i = 0; i < events; i++) {
			String lane = "lane-" + random.nextInt(lanes);
			Admission admission = Admission.of(lane, null);
			int step = random.nextInt(100);
			if (step < 40) {
				long waited = random.nextInt(1000);
				listener.onAdmitted(lane, admission, Duration.ofMillis(waited));
				count(model, DeepSeekMeterNames.QUEUE_WAIT + " model=" + lane, waited);
			}
			else if (step < 60) {
				LaneRejectedException.Reason reason = pick(random, LaneRejectedException.Reason.values());
				listener.onRejected(lane, admission, reason);
				count(model, DeepSeekMeterNames.REJECTED + " model=" + lane + " reason="
						+ reason.name().toLowerCase(Locale.ROOT), 0);
			}
			else if (step < 75) {
				BudgetPeriod period = pick(random, BudgetPeriod.values());
				listener.onBudgetRejected(lane, admission, period);
				count(model, DeepSeekMeterNames.BUDGET_REJECTIONS + " model=" + lane + " period="
						+ period.name().toLowerCase(Locale.ROOT), 0);
			}
			else if (step < 90) {
				listener.onAbandoned(lane, admission);
				count(model, DeepSeekMeterNames.ABANDONED + " model=" + lane, 0);
			}
			else if (step < 99 && !registry.getMeters().isEmpty()) {
				List<Meter> meters = registry.getMeters();
				Meter removed = registry.remove(meters.get(random.nextInt(meters.size())));
				model.remove(key(removed.getId()));
			}
			else {
				registry.clear();
				model.clear();
			}
		}
		Map<String, String> expected = new TreeMap<>();
		model.forEach((id, counted) -> expected.put(id, counted[0] + " " + counted[1]));
		Map<String, String> shown = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			if (meter.getId().getDescription() == null) {
				return meter.getId() + " has no description";
			}
			String value = (meter instanceof Timer timer)
					? timer.count() + " " + (long) timer.totalTime(TimeUnit.MILLISECONDS)
					: (long) ((Counter) meter).count() + " 0";
			shown.put(key(meter.getId()), value);
		}
		return shown.equals(expected) ? null : "expected " + diff(expected, shown);
	}

	private static void count(Map<String, long[]> model, String id, long amount) {
		long[] counted = model.computeIfAbsent(id, (key) -> new long[2]);
		counted[0]++;
		counted[1] += amount;
	}

	private static String key(Meter.Id id) {
		StringBuilder key = new StringBuilder(id.getName());
		id.getTags().forEach((tag) -> key.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
		return key.toString();
	}

	private static String diff(Map<String, String> expected, Map<String, String> shown) {
		List<String> differences = new ArrayList<>();
		for (String id : expected.keySet()) {
			if (!expected.get(id).equals(shown.get(id))) {
				differences.add(id + " " + expected.get(id) + " but shown " + shown.get(id));
			}
		}
		for (String id : shown.keySet()) {
			if (!expected.containsKey(id)) {
				differences.add(id + " shown " + shown.get(id) + " but not expected");
			}
		}
		return String.join("; ", differences.subList(0, Math.min(3, differences.size())));
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
