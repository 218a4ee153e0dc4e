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
import java.util.Map;
import java.util.stream.Stream;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;

/**
 * The {@code deepseek} health: one small indicator per part of the client, composed as
 * Boot composes its own contributors, so that each shows as a component ({@code balance},
 * {@code lanes} and, in distributed mode, {@code redis}) and Boot's status aggregation
 * decides the whole.
 */
public final class DeepSeekHealthContributor implements CompositeReactiveHealthContributor {

	private final CompositeReactiveHealthContributor parts;

	/**
	 * Composes the given parts.
	 * @param parts the contributors by component name, in the order they are shown
	 */
	public DeepSeekHealthContributor(Map<String, ? extends ReactiveHealthContributor> parts) {
		this.parts = CompositeReactiveHealthContributor.fromMap(new LinkedHashMap<>(parts));
	}

	/**
	 * The parts every client has: the account's balance and the lanes.
	 * @param template the template whose account is checked
	 * @param limiter the limiter whose lanes are shown
	 * @param rateLimits the tracker of DeepSeek's 429 answers, if any
	 * @param settings the cache, timeout and saturation settings
	 * @return the parts by component name, to which more may be added
	 */
	public static Map<String, ReactiveHealthContributor> standardParts(DeepSeekTemplate template,
			DeepSeekLimiter limiter, @Nullable ServerRateLimitTracker rateLimits, Settings settings) {
		Map<String, ReactiveHealthContributor> parts = new LinkedHashMap<>();
		parts.put("balance",
				new DeepSeekBalanceHealthIndicator(template, settings.cacheTimeToLive(), settings.timeout()));
		parts.put("lanes", new DeepSeekLanesHealthIndicator(limiter, rateLimits, settings.downWhenSaturated()));
		return parts;
	}

	@Override
	public @Nullable ReactiveHealthContributor getContributor(String name) {
		return this.parts.getContributor(name);
	}

	@Override
	public Stream<Entry> stream() {
		return this.parts.stream();
	}

	/**
	 * How the parts check.
	 *
	 * @param cacheTimeToLive how long a balance answer is reused
	 * @param timeout how long the balance endpoint may take
	 * @param downWhenSaturated whether a lane with every permit in use turns the lanes
	 * {@code DOWN}
	 */
	public record Settings(Duration cacheTimeToLive, Duration timeout, boolean downWhenSaturated) {

		/** A minute's cache, a 10 second timeout, saturation reported but never DOWN. */
		public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), false);

	}

}
