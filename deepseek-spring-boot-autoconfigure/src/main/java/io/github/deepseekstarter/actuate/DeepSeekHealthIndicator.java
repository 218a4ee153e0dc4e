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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneSnapshot;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the DeepSeek account: {@code DOWN} when the API key is refused (401) or the
 * balance is used up (402, or {@code is_available: false}), checked through the balance
 * endpoint, which costs no tokens, at most once per time to live. Details show every
 * lane's limits and load, the last 429 DeepSeek itself answered, and the parts added by
 * {@link DeepSeekHealthDetailsContributor}s. Saturated lanes turn it {@code DOWN} only
 * when asked to, as a full lane is the limiter doing its job.
 */
public final class DeepSeekHealthIndicator extends AbstractReactiveHealthIndicator {

	private final DeepSeekLimiter limiter;

	private final BalanceCheck balance;

	private final @Nullable ServerRateLimitTracker rateLimits;

	private final List<DeepSeekHealthDetailsContributor> contributors;

	private final Duration timeout;

	private final boolean downWhenSaturated;

	/**
	 * Creates the indicator.
	 * @param template the template whose account is checked
	 * @param limiter the limiter whose lanes are shown
	 * @param rateLimits the tracker of DeepSeek's 429 answers, if any
	 * @param contributors further parts of the health
	 * @param settings the cache, timeout and saturation settings
	 */
	public DeepSeekHealthIndicator(DeepSeekTemplate template, DeepSeekLimiter limiter,
			@Nullable ServerRateLimitTracker rateLimits, List<DeepSeekHealthDetailsContributor> contributors,
			Settings settings) {
		super("DeepSeek health check failed");
		this.limiter = Objects.requireNonNull(limiter, "limiter must not be null");
		this.balance = new BalanceCheck(template, settings.cacheTimeToLive(), settings.timeout());
		this.rateLimits = rateLimits;
		this.contributors = List.copyOf(contributors);
		this.timeout = settings.timeout();
		this.downWhenSaturated = settings.downWhenSaturated();
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.balance.result().zipWith(contributions()).map((results) -> {
			BalanceCheck.Result balance = results.getT1();
			Map<String, Health> parts = results.getT2();
			List<LaneSnapshot> lanes = this.limiter.snapshots();
			List<String> saturated = lanes.stream()
				.filter((lane) -> lane.inUse() >= lane.effectiveLimit())
				.map(LaneSnapshot::lane)
				.toList();
			builder.status(status(balance.status(), parts, saturated));
			builder.withDetail("balance", balance.description());
			builder.withDetail("lanes", lanes(lanes));
			builder.withDetail("saturated", saturated);
			addRateLimits(builder);
			parts.forEach(builder::withDetail);
			return builder.build();
		});
	}

	private Status status(Status balance, Map<String, Health> parts, List<String> saturated) {
		boolean partDown = parts.values().stream().anyMatch((part) -> Status.DOWN.equals(part.getStatus()));
		if (Status.DOWN.equals(balance) || partDown || (this.downWhenSaturated && !saturated.isEmpty())) {
			return Status.DOWN;
		}
		return balance;
	}

	private Mono<Map<String, Health>> contributions() {
		return Flux.fromIterable(this.contributors)
			.flatMapSequential((contributor) -> contributor.health()
				.timeout(this.timeout)
				.onErrorResume((ex) -> Mono.just(Health.down().withException(ex).build()))
				.defaultIfEmpty(Health.unknown().build())
				.map((health) -> Map.entry(contributor.name(), health)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
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

	/**
	 * How the indicator checks.
	 *
	 * @param cacheTimeToLive how long a balance answer is reused
	 * @param timeout how long the balance endpoint and each contributor may take
	 * @param downWhenSaturated whether a lane with every permit in use turns the health
	 * {@code DOWN}
	 */
	public record Settings(Duration cacheTimeToLive, Duration timeout, boolean downWhenSaturated) {

		/** A minute's cache, a 10 second timeout, saturation reported but never DOWN. */
		public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), false);

	}

}
