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

import java.util.Objects;
import java.util.function.ToIntFunction;

import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of every lane of a limiter, read from its snapshots when the registry is
 * scraped: permits in use, configured and effective limits, and queued requests.
 */
public final class DeepSeekLaneMetrics implements MeterBinder {

	private final DeepSeekLimiter limiter;

	/**
	 * Creates the gauges' binder.
	 * @param limiter the limiter whose lanes are measured
	 */
	public DeepSeekLaneMetrics(DeepSeekLimiter limiter) {
		this.limiter = Objects.requireNonNull(limiter, "limiter must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (LaneSnapshot lane : this.limiter.snapshots()) {
			String name = lane.lane();
			gauge(registry, DeepSeekMeterNames.LANE_IN_USE, name, "Permits held by running requests",
					LaneSnapshot::inUse);
			gauge(registry, DeepSeekMeterNames.LANE_CONFIGURED_LIMIT, name, "Configured limit of the lane",
					LaneSnapshot::configuredLimit);
			gauge(registry, DeepSeekMeterNames.LANE_EFFECTIVE_LIMIT, name,
					"Limit in force, lowered by DeepSeek's 429 answers", LaneSnapshot::effectiveLimit);
			gauge(registry, DeepSeekMeterNames.QUEUE_SIZE, name, "Requests waiting for a permit of the lane",
					LaneSnapshot::queued);
		}
	}

	private void gauge(MeterRegistry registry, String meter, String lane, String description,
			ToIntFunction<LaneSnapshot> value) {
		Gauge.builder(meter, this.limiter, (limiter) -> value.applyAsInt(limiter.snapshot(lane)))
			.description(description)
			.tag(DeepSeekMeterNames.TAG_MODEL, lane)
			.strongReference(true)
			.register(registry);
	}

}
