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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneSnapshot;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.TenantUsage;
import io.github.deepseekstarter.observability.TenantCostBoard;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code deepseek} actuator endpoint: reading shows the lanes, their queues and
 * adaptive limits, the busiest tenants by pseudonymized id and the effective
 * configuration with its secrets redacted; writing sets a model's limit at runtime.
 */
@Endpoint(id = "deepseek")
public class DeepSeekEndpoint {

	private final DeepSeekLimiter limiter;

	private final Supplier<Map<String, Object>> configuration;

	private final int busiestTenants;

	private final @Nullable TenantCostBoard tenantCosts;

	/**
	 * Creates the endpoint without tenant costs.
	 * @param limiter the limiter whose lanes are shown and changed
	 * @param configuration the effective configuration, secrets already redacted
	 * @param busiestTenants how many of the busiest tenants to show
	 */
	public DeepSeekEndpoint(DeepSeekLimiter limiter, Supplier<Map<String, Object>> configuration, int busiestTenants) {
		this(limiter, configuration, busiestTenants, null);
	}

	/**
	 * Creates the endpoint.
	 * @param limiter the limiter whose lanes are shown and changed
	 * @param configuration the effective configuration, secrets already redacted
	 * @param busiestTenants how many of the busiest tenants to show
	 * @param tenantCosts the tokens and cost of each tenant, or {@code null} for none
	 */
	public DeepSeekEndpoint(DeepSeekLimiter limiter, Supplier<Map<String, Object>> configuration, int busiestTenants,
			@Nullable TenantCostBoard tenantCosts) {
		this.limiter = Objects.requireNonNull(limiter, "limiter must not be null");
		this.configuration = Objects.requireNonNull(configuration, "configuration must not be null");
		this.busiestTenants = busiestTenants;
		this.tenantCosts = tenantCosts;
	}

	/**
	 * Reads the state of the client.
	 * @return the lanes, queue, busiest tenants and configuration
	 */
	@ReadOperation
	public DeepSeekDescriptor deepseek() {
		List<LaneDescriptor> lanes = this.limiter.snapshots().stream().map(LaneDescriptor::of).toList();
		LimiterConfig config = this.limiter.config();
		QueueDescriptor queue = new QueueDescriptor(lanes.stream().mapToInt(LaneDescriptor::queued).sum(),
				config.maxQueueSize(), config.maxWait());
		AdaptiveDescriptor adaptive = new AdaptiveDescriptor(config.decreaseFactor(), config.successesPerIncrease(),
				config.learntLimitTtl());
		return new DeepSeekDescriptor(lanes, queue, adaptive, this.limiter.busiestTenants(this.busiestTenants),
				tenantCosts(), this.configuration.get());
	}

	private @Nullable TenantCostsDescriptor tenantCosts() {
		TenantCostBoard board = this.tenantCosts;
		if (board == null) {
			return null;
		}
		return new TenantCostsDescriptor(
				board.byTokens(this.busiestTenants).stream().map(TenantCostDescriptor::of).toList(),
				board.byCost(this.busiestTenants).stream().map(TenantCostDescriptor::of).toList());
	}

	/**
	 * Sets the limit of a model's lane at runtime; the effective limit follows at once.
	 * @param model a configured model, alias, or {@code default}
	 * @param limit the new limit, greater than 0
	 * @return the lane's new state
	 */
	@WriteOperation
	public LaneDescriptor setLimit(String model, int limit) {
		if (limit <= 0) {
			throw new InvalidEndpointRequestException("limit must be greater than 0 but was " + limit, "Invalid limit");
		}
		LimiterConfig config = this.limiter.config();
		if (!config.modelLimits().containsKey(model) && !config.aliases().containsKey(model)
				&& !LimiterConfig.DEFAULT_LANE.equals(model)) {
			throw new InvalidEndpointRequestException("Unknown model '" + model + "': use one of "
					+ config.modelLimits().keySet() + ", an alias of them, or " + LimiterConfig.DEFAULT_LANE,
					"Unknown model");
		}
		this.limiter.setLimit(model, limit);
		return LaneDescriptor.of(this.limiter.snapshot(model));
	}

	/**
	 * The state of the client.
	 *
	 * @param lanes every lane, the default lane last
	 * @param queue the queue in front of the lanes
	 * @param adaptive how the lanes learn the account's real limit
	 * @param busiestTenants the tenants holding the most permits, by pseudonymized id
	 * @param tenantCosts the tenants using the most tokens and costing the most, or
	 * {@code null} when they are not counted
	 * @param configuration the effective configuration, secrets redacted
	 */
	public record DeepSeekDescriptor(List<LaneDescriptor> lanes, QueueDescriptor queue, AdaptiveDescriptor adaptive,
			List<TenantUsage> busiestTenants, @Nullable TenantCostsDescriptor tenantCosts,
			Map<String, Object> configuration) implements OperationResponseBody {

	}

	/**
	 * The busiest tenants since the application started.
	 *
	 * @param byTokens the tenants using the most tokens, busiest first
	 * @param byCost the tenants costing the most, costliest first
	 */
	public record TenantCostsDescriptor(List<TenantCostDescriptor> byTokens, List<TenantCostDescriptor> byCost) {

	}

	/**
	 * One tenant's tokens and cost.
	 *
	 * @param tenant the pseudonymized {@code user_id}
	 * @param tokens the input and output tokens, at most {@code overestimate} too many
	 * @param overestimate the tokens that may belong to tenants this one took the place
	 * of
	 * @param cacheHitTokens the input tokens served from DeepSeek's cache
	 * @param cacheMissTokens the input tokens not found in the cache
	 * @param cacheHitRatio the share of input tokens served from the cache
	 * @param cost the cost by currency
	 */
	public record TenantCostDescriptor(String tenant, long tokens, long overestimate, long cacheHitTokens,
			long cacheMissTokens, double cacheHitRatio, Map<String, Double> cost) {

		static TenantCostDescriptor of(TenantCostBoard.TenantCost tenant) {
			return new TenantCostDescriptor(tenant.tenant(), tenant.tokens(), tenant.overestimate(),
					tenant.cacheHitTokens(), tenant.cacheMissTokens(), tenant.cacheHitRatio(), tenant.cost());
		}

	}

	/**
	 * The state of one lane.
	 *
	 * @param model the lane's model, or {@code default}
	 * @param configuredLimit the limit from configuration or a runtime change
	 * @param effectiveLimit the limit in force
	 * @param adaptiveReduced whether DeepSeek's 429 answers lowered the effective limit
	 * below the configured one
	 * @param inUse the permits held by running requests
	 * @param backgroundInUse the permits of those held by background requests
	 * @param queued the requests waiting for a permit
	 */
	public record LaneDescriptor(String model, int configuredLimit, int effectiveLimit, boolean adaptiveReduced,
			int inUse, int backgroundInUse, int queued) implements OperationResponseBody {

		static LaneDescriptor of(LaneSnapshot lane) {
			return new LaneDescriptor(lane.lane(), lane.configuredLimit(), lane.effectiveLimit(),
					lane.effectiveLimit() < lane.configuredLimit(), lane.inUse(), lane.backgroundInUse(),
					lane.queued());
		}

	}

	/**
	 * The queue in front of the lanes.
	 *
	 * @param queued the requests waiting, over all lanes
	 * @param maxSize the most requests a lane's queue holds
	 * @param maxWait the longest a request waits
	 */
	public record QueueDescriptor(int queued, int maxSize, Duration maxWait) {

	}

	/**
	 * How the lanes adapt to DeepSeek's 429 answers.
	 *
	 * @param decreaseFactor the factor a 429 applies to the effective limit
	 * @param successesPerIncrease the successes that raise it by one again
	 * @param learntLimitTtl how long a limit learnt from a 429 caps recovery
	 */
	public record AdaptiveDescriptor(double decreaseFactor, int successesPerIncrease, Duration learntLimitTtl) {

	}

}
