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
package io.github.deepseekstarter.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneSnapshot;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the lanes: every lane's limits and load, the saturated ones, and the last 429
 * DeepSeek itself answered. Saturated lanes turn it {@code DOWN} only when asked to, as a
 * full lane is the limiter doing its job.
 */
public final class DeepSeekLanesHealthIndicator extends AbstractReactiveHealthIndicator {

	private final DeepSeekLimiter limiter;

	private final @Nullable ServerRateLimitTracker rateLimits;

	private final boolean downWhenSaturated;

	/**
	 * Creates the indicator.
	 * @param limiter the limiter whose lanes are shown
	 * @param rateLimits the tracker of DeepSeek's 429 answers, if any
	 * @param downWhenSaturated whether a lane with every permit in use turns the health
	 * {@code DOWN}
	 */
	public DeepSeekLanesHealthIndicator(DeepSeekLimiter limiter, @Nullable ServerRateLimitTracker rateLimits,
			boolean downWhenSaturated) {
		super("DeepSeek lanes health check failed");
		this.limiter = Objects.requireNonNull(limiter, "limiter must not be null");
		this.rateLimits = rateLimits;
		this.downWhenSaturated = downWhenSaturated;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromSupplier(() -> {
			List<LaneSnapshot> lanes = this.limiter.snapshots();
			List<String> saturated = lanes.stream()
				.filter((lane) -> lane.inUse() >= lane.effectiveLimit())
				.map(LaneSnapshot::lane)
				.toList();
			builder.status((this.downWhenSaturated && !saturated.isEmpty()) ? Status.DOWN : Status.UP);
			builder.withDetail("lanes", lanes(lanes));
			builder.withDetail("saturated", saturated);
			addRateLimits(builder);
			return builder.build();
		});
	}

	private static Map<String, Object> lanes(List<LaneSnapshot> lanes) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (LaneSnapshot lane : lanes) {
			details.put(lane.lane(), Map.of("configuredLimit", lane.configuredLimit(), "effectiveLimit",
					lane.effectiveLimit(), "inUse", lane.inUse(), "queued", lane.queued()));
		}
		return details;
	}

	private void addRateLimits(Health.Builder builder) {
		if (this.rateLimits == null) {
			return;
		}
		builder.withDetail("serverRateLimits", this.rateLimits.count());
		ServerRateLimitTracker.ServerRateLimit last = this.rateLimits.last();
		if (last != null) {
			builder.withDetail("lastServerRateLimit", Map.of("time", last.time().toString(), "model", last.model()));
		}
	}

}
