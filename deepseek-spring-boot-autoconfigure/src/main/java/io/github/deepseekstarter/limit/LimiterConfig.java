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

package io.github.deepseekstarter.limit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limits the {@link DeepSeekLimiter} enforces, immutable and validated. Every
 * validation message names the property the value comes from.
 * <p>
 * Lanes are named by their canonical model; aliases share their lane. A model that is
 * neither a lane nor an alias runs in the single {@value #DEFAULT_LANE} lane with
 * {@link #defaultLimit()}: one shared lane keeps memory bounded whatever names callers
 * send and never exceeds a limit DeepSeek might apply to a model it does not publish.
 */
public final class LimiterConfig {

	/**
	 * The pro model and its lane.
	 */
	public static final String PRO = "deepseek-v4-pro";

	/**
	 * The Flash model and its lane.
	 */
	public static final String FLASH = "deepseek-v4-flash";

	/**
	 * The lane of models that have no lane of their own.
	 */
	public static final String DEFAULT_LANE = "default";

	private final Map<String, Integer> modelLimits;

	private final Map<String, String> aliases;

	private final int defaultLimit;

	private final int perUser;

	private final Map<String, Integer> perUserByModel;

	private final int maxQueueSize;

	private final Duration maxWait;

	private final double backgroundShare;

	private final Map<String, String> overflow;

	private final double decreaseFactor;

	private final int successesPerIncrease;

	private final Duration learntLimitTtl;

	private final int maxIdleTenants;

	private final Map<String, Double> reservedShares;

	private LimiterConfig(Builder builder) {
		this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(builder.aliases));
		this.modelLimits = Collections.unmodifiableMap(resolveLimits(builder.modelLimits, this.aliases));
		this.defaultLimit = positive(builder.defaultLimit, "deepseek.limits.default-limit");
		this.perUser = notNegative(builder.perUser, "deepseek.limits.per-user");
		Map<String, Integer> perUserByModel = new LinkedHashMap<>();
		builder.perUserByModel.forEach((model, cap) -> perUserByModel.put(lane(model),
				notNegative(cap, "deepseek.limits.per-user-by-model." + model)));
		this.perUserByModel = Collections.unmodifiableMap(perUserByModel);
		this.maxQueueSize = notNegative(builder.maxQueueSize, "deepseek.queue.max-size");
		Objects.requireNonNull(builder.maxWait, "deepseek.queue.max-wait must not be null");
		if (builder.maxWait.isNegative()) {
			throw invalid("deepseek.queue.max-wait", "must not be negative", builder.maxWait);
		}
		this.maxWait = builder.maxWait;
		if (!(builder.backgroundShare > 0 && builder.backgroundShare <= 1)) {
			throw invalid("deepseek.limits.background-share", "must be in (0, 1]", builder.backgroundShare);
		}
		this.backgroundShare = builder.backgroundShare;
		Map<String, String> overflow = new LinkedHashMap<>();
		builder.overflow.forEach((from, to) -> overflow.put(knownLane(from, "deepseek.limits.overflow." + from),
				knownLane(to, "deepseek.limits.overflow." + from)));
		this.overflow = Collections.unmodifiableMap(overflow);
		if (!(builder.decreaseFactor > 0 && builder.decreaseFactor < 1)) {
			throw invalid("deepseek.limits.adaptive.decrease-factor", "must be in (0, 1)", builder.decreaseFactor);
		}
		this.decreaseFactor = builder.decreaseFactor;
		this.successesPerIncrease = positive(builder.successesPerIncrease,
				"deepseek.limits.adaptive.successes-per-increase");
		this.maxIdleTenants = positive(builder.maxIdleTenants, "deepseek.limits.max-idle-tenants");
		Objects.requireNonNull(builder.learntLimitTtl, "deepseek.limits.adaptive.learnt-limit-ttl must not be null");
		if (builder.learntLimitTtl.isNegative()) {
			throw invalid("deepseek.limits.adaptive.learnt-limit-ttl", "must not be negative", builder.learntLimitTtl);
		}
		this.learntLimitTtl = builder.learntLimitTtl;
		this.reservedShares = Collections.unmodifiableMap(reservedShares(builder.reservedShares));
	}

	private static Map<String, Double> reservedShares(Map<String, Double> shares) {
		double total = 0;
		for (Map.Entry<String, Double> share : shares.entrySet()) {
			if (!(share.getValue() > 0 && share.getValue() <= 1)) {
				throw invalid("deepseek.tiers." + share.getKey() + ".reserved-share", "must be in (0, 1]",
						share.getValue());
			}
			total += share.getValue();
		}
		if (total > 1 + 1e-9) {
			throw invalid("deepseek.tiers.*.reserved-share", "must add up to at most 1 (the whole lane)", shares);
		}
		return new LinkedHashMap<>(shares);
	}

	private static Map<String, Integer> resolveLimits(Map<String, Integer> limits, Map<String, String> aliases) {
		Map<String, Integer> lanes = new LinkedHashMap<>();
		limits.forEach((model, limit) -> {
			String property = "deepseek.limits.models." + model;
			positive(limit, property);
			String lane = aliases.getOrDefault(model, model);
			Integer previous = lanes.put(lane, limit);
			if (previous != null && !previous.equals(limit)) {
				throw invalid(property, "conflicts with the limit " + previous + " of the same lane '" + lane + "'",
						limit);
			}
		});
		aliases.forEach((alias, lane) -> {
			if (!lanes.containsKey(lane)) {
				throw invalid("deepseek.limits.aliases." + alias, "must name a model of deepseek.limits.models", lane);
			}
		});
		if (lanes.containsKey(DEFAULT_LANE)) {
			throw invalid("deepseek.limits.models." + DEFAULT_LANE, "is reserved; use deepseek.limits.default-limit",
					lanes.get(DEFAULT_LANE));
		}
		return lanes;
	}

	private String knownLane(String model, String property) {
		String lane = lane(model);
		if (!this.modelLimits.containsKey(lane)) {
			throw invalid(property, "must name a model of deepseek.limits.models", model);
		}
		return lane;
	}

	private static int positive(int value, String property) {
		if (value <= 0) {
			throw invalid(property, "must be greater than 0", value);
		}
		return value;
	}

	private static int notNegative(int value, String property) {
		if (value < 0) {
			throw invalid(property, "must be 0 or greater", value);
		}
		return value;
	}

	private static IllegalArgumentException invalid(String property, String rule, Object value) {
		return new IllegalArgumentException(property + " " + rule + " but was " + value);
	}

	/**
	 * Returns the share of every lane's effective limit reserved for each tier that has
	 * one.
	 * @return the shares by tier, each in (0, 1], adding up to at most 1
	 */
	public Map<String, Double> reservedShares() {
		return this.reservedShares;
	}

	/**
	 * Returns a builder with DeepSeek's published limits and the default queue.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the lane a model runs in: its own, its alias's, or {@value #DEFAULT_LANE}.
	 * @param model the model name
	 * @return the lane name
	 */
	public String lane(String model) {
		String lane = this.aliases.getOrDefault(model, model);
		return this.modelLimits.containsKey(lane) ? lane : DEFAULT_LANE;
	}

	/**
	 * Returns the configured limit of each lane ({@code deepseek.limits.models.<model>}).
	 * @return the limits by lane name
	 */
	public Map<String, Integer> modelLimits() {
		return this.modelLimits;
	}

	/**
	 * Returns the model names that share another model's lane
	 * ({@code deepseek.limits.aliases.<alias>}).
	 * @return the lane name of each alias
	 */
	public Map<String, String> aliases() {
		return this.aliases;
	}

	/**
	 * Returns the limit of the lane of models without a lane of their own
	 * ({@code deepseek.limits.default-limit}).
	 * @return the default limit
	 */
	public int defaultLimit() {
		return this.defaultLimit;
	}

	/**
	 * Returns the per-tenant cap of a lane: its own
	 * ({@code deepseek.limits.per-user-by-model.<model>}) or the global one
	 * ({@code deepseek.limits.per-user}); 0 means no cap.
	 * @param lane the lane name
	 * @return the cap
	 */
	public int perUser(String lane) {
		return this.perUserByModel.getOrDefault(lane, this.perUser);
	}

	/**
	 * Returns the global per-tenant cap ({@code deepseek.limits.per-user}); 0 means none.
	 * @return the cap
	 */
	public int perUser() {
		return this.perUser;
	}

	/**
	 * Returns the per-tenant caps of single lanes
	 * ({@code deepseek.limits.per-user-by-model.<model>}).
	 * @return the caps by lane name
	 */
	public Map<String, Integer> perUserByModel() {
		return this.perUserByModel;
	}

	/**
	 * Returns how many requests each lane may hold waiting
	 * ({@code deepseek.queue.max-size}).
	 * @return the queue size per lane
	 */
	public int maxQueueSize() {
		return this.maxQueueSize;
	}

	/**
	 * Returns how long a request may wait for a permit ({@code deepseek.queue.max-wait}).
	 * @return the maximum wait
	 */
	public Duration maxWait() {
		return this.maxWait;
	}

	/**
	 * Returns the share of a lane's effective limit that background requests may use
	 * ({@code deepseek.limits.background-share}).
	 * @return the share, in (0, 1]
	 */
	public double backgroundShare() {
		return this.backgroundShare;
	}

	/**
	 * Returns the lane each lane overflows to for requests that allow it
	 * ({@code deepseek.limits.overflow.<model>}).
	 * @return the overflow lane by lane name
	 */
	public Map<String, String> overflow() {
		return this.overflow;
	}

	/**
	 * Returns the factor a 429 without a stated limit multiplies the effective limit by
	 * ({@code deepseek.limits.adaptive.decrease-factor}).
	 * @return the factor, in (0, 1)
	 */
	public double decreaseFactor() {
		return this.decreaseFactor;
	}

	/**
	 * Returns how many successes raise a lowered effective limit by one
	 * ({@code deepseek.limits.adaptive.successes-per-increase}).
	 * @return the number of successes
	 */
	public int successesPerIncrease() {
		return this.successesPerIncrease;
	}

	/**
	 * Returns how long a limit named by a 429 caps the lane's recovery
	 * ({@code deepseek.limits.adaptive.learnt-limit-ttl}); afterwards successes probe
	 * upward again, in case the account's balance raised it.
	 * @return the time
	 */
	public Duration learntLimitTtl() {
		return this.learntLimitTtl;
	}

	/**
	 * Returns how many tenant lanes each lane keeps when idle
	 * ({@code deepseek.limits.max-idle-tenants}); busy ones are never evicted.
	 * @return the number of tenant lanes
	 */
	public int maxIdleTenants() {
		return this.maxIdleTenants;
	}

	/**
	 * Builds a {@link LimiterConfig}; starts from DeepSeek's published limits.
	 */
	public static final class Builder {

		private final Map<String, Integer> modelLimits = new LinkedHashMap<>();

		private final Map<String, String> aliases = new LinkedHashMap<>();

		private int defaultLimit = 500;

		private int perUser;

		private final Map<String, Integer> perUserByModel = new LinkedHashMap<>();

		private int maxQueueSize = 10_000;

		private Duration maxWait = Duration.ofSeconds(30);

		private double backgroundShare = 0.5;

		private final Map<String, String> overflow = new LinkedHashMap<>();

		private double decreaseFactor = 0.9;

		private int successesPerIncrease = 10;

		private Duration learntLimitTtl = Duration.ofMinutes(10);

		private int maxIdleTenants = 10_000;

		private final Map<String, Double> reservedShares = new LinkedHashMap<>();

		private Builder() {
			this.modelLimits.put(PRO, 500);
			this.modelLimits.put(FLASH, 2500);
			this.aliases.put("deepseek-flash", FLASH);
			this.aliases.put("deepseek-chat", FLASH);
			this.aliases.put("deepseek-reasoner", FLASH);
			this.overflow.put(PRO, FLASH);
		}

		/**
		 * Sets the limit of a model's lane, adding the lane if it is new.
		 * @param model the model or alias
		 * @param limit the limit, greater than 0
		 * @return this builder
		 */
		public Builder modelLimit(String model, int limit) {
			this.modelLimits.put(model, limit);
			return this;
		}

		/**
		 * Removes every lane, alias and overflow route, to define them from scratch.
		 * @return this builder
		 */
		public Builder clearModels() {
			this.modelLimits.clear();
			this.aliases.clear();
			this.overflow.clear();
			return this;
		}

		/**
		 * Lets a model name share another model's lane.
		 * @param alias the model name
		 * @param model the model whose lane it shares
		 * @return this builder
		 */
		public Builder alias(String alias, String model) {
			this.aliases.put(alias, model);
			return this;
		}

		/**
		 * Sets the limit of the lane of models without a lane of their own.
		 * @param limit the limit, greater than 0
		 * @return this builder
		 */
		public Builder defaultLimit(int limit) {
			this.defaultLimit = limit;
			return this;
		}

		/**
		 * Sets the cap of permits one tenant may hold in each lane; 0 for none.
		 * @param cap the cap
		 * @return this builder
		 */
		public Builder perUser(int cap) {
			this.perUser = cap;
			return this;
		}

		/**
		 * Sets the cap of permits one tenant may hold in one model's lane; 0 for none.
		 * @param model the model
		 * @param cap the cap
		 * @return this builder
		 */
		public Builder perUser(String model, int cap) {
			this.perUserByModel.put(model, cap);
			return this;
		}

		/**
		 * Sets how many requests each lane may hold waiting; 0 rejects at once.
		 * @param size the size
		 * @return this builder
		 */
		public Builder maxQueueSize(int size) {
			this.maxQueueSize = size;
			return this;
		}

		/**
		 * Sets how long a request may wait for a permit; zero rejects at once.
		 * @param maxWait the maximum wait
		 * @return this builder
		 */
		public Builder maxWait(Duration maxWait) {
			this.maxWait = maxWait;
			return this;
		}

		/**
		 * Sets the share of a lane's effective limit background requests may use.
		 * @param share the share, in (0, 1]
		 * @return this builder
		 */
		public Builder backgroundShare(double share) {
			this.backgroundShare = share;
			return this;
		}

		/**
		 * Routes requests that allow it from one model's lane to another's when the first
		 * would make them wait.
		 * @param model the model whose lane overflows
		 * @param overflowModel the model whose lane takes the overflow
		 * @return this builder
		 */
		public Builder overflow(String model, String overflowModel) {
			this.overflow.put(model, overflowModel);
			return this;
		}

		/**
		 * Sets the factor a 429 without a stated limit multiplies the effective limit by.
		 * @param factor the factor, in (0, 1)
		 * @return this builder
		 */
		public Builder decreaseFactor(double factor) {
			this.decreaseFactor = factor;
			return this;
		}

		/**
		 * Sets how many successes raise a lowered effective limit by one.
		 * @param successes the number of successes, greater than 0
		 * @return this builder
		 */
		public Builder successesPerIncrease(int successes) {
			this.successesPerIncrease = successes;
			return this;
		}

		/**
		 * Sets how long a limit named by a 429 caps the lane's additive recovery.
		 * @param ttl the time, zero or more
		 * @return this builder
		 */
		public Builder learntLimitTtl(Duration ttl) {
			this.learntLimitTtl = ttl;
			return this;
		}

		/**
		 * Sets how many idle tenant lanes each lane keeps.
		 * @param count the number, greater than 0
		 * @return this builder
		 */
		public Builder maxIdleTenants(int count) {
			this.maxIdleTenants = count;
			return this;
		}

		/**
		 * Reserves a share of every lane's effective limit for the requests of a tier:
		 * other tiers may not take the part of it the tier does not use.
		 * @param tier the tier
		 * @param share the share, in (0, 1]; all shares add up to at most 1
		 * @return this builder
		 */
		public Builder reservedShare(String tier, double share) {
			this.reservedShares.put(tier, share);
			return this;
		}

		/**
		 * Validates the settings and builds the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the property of an invalid value
		 */
		public LimiterConfig build() {
			return new LimiterConfig(this);
		}

	}

}
