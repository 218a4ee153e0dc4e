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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekstarter.InvalidSettingException;

/**
 * Builds a {@link LimiterConfig}, starting from the {@code DEFAULT_*} settings; each
 * setter sets the component of its name.
 */
public final class LimiterConfigBuilder {

	private final Map<String, Integer> modelLimits = new LinkedHashMap<>(LimiterConfig.DEFAULT_MODEL_LIMITS);

	private final Map<String, String> aliases = new LinkedHashMap<>(LimiterConfig.DEFAULT_ALIASES);

	private final Map<String, Integer> perUserByModel = new LinkedHashMap<>();

	private final Map<String, String> overflow = new LinkedHashMap<>(LimiterConfig.DEFAULT_OVERFLOW);

	private final Map<String, Double> reservedShares = new LinkedHashMap<>();

	private int defaultLimit = LimiterConfig.DEFAULT_DEFAULT_LIMIT;

	private int perUser = LimiterConfig.DEFAULT_PER_USER;

	private int maxQueueSize = LimiterConfig.DEFAULT_MAX_QUEUE_SIZE;

	private Duration maxWait = LimiterConfig.DEFAULT_MAX_WAIT;

	private double backgroundShare = LimiterConfig.DEFAULT_BACKGROUND_SHARE;

	private double decreaseFactor = LimiterConfig.DEFAULT_DECREASE_FACTOR;

	private int successesPerIncrease = LimiterConfig.DEFAULT_SUCCESSES_PER_INCREASE;

	private Duration learntLimitTtl = LimiterConfig.DEFAULT_LEARNT_LIMIT_TTL;

	private int maxIdleTenants = LimiterConfig.DEFAULT_MAX_IDLE_TENANTS;

	LimiterConfigBuilder() {
	}

	public LimiterConfigBuilder modelLimit(String model, int limit) {
		this.modelLimits.put(model, limit);
		return this;
	}

	/**
	 * Removes every lane, alias and overflow route, to define them from scratch.
	 * @return this builder
	 */
	public LimiterConfigBuilder clearModels() {
		this.modelLimits.clear();
		this.aliases.clear();
		this.overflow.clear();
		return this;
	}

	public LimiterConfigBuilder alias(String alias, String model) {
		this.aliases.put(alias, model);
		return this;
	}

	public LimiterConfigBuilder defaultLimit(int limit) {
		this.defaultLimit = limit;
		return this;
	}

	public LimiterConfigBuilder perUser(int cap) {
		this.perUser = cap;
		return this;
	}

	public LimiterConfigBuilder perUser(String model, int cap) {
		this.perUserByModel.put(model, cap);
		return this;
	}

	public LimiterConfigBuilder maxQueueSize(int size) {
		this.maxQueueSize = size;
		return this;
	}

	public LimiterConfigBuilder maxWait(Duration maxWait) {
		this.maxWait = Objects.requireNonNull(maxWait, "maxWait must not be null");
		return this;
	}

	public LimiterConfigBuilder backgroundShare(double share) {
		this.backgroundShare = share;
		return this;
	}

	public LimiterConfigBuilder overflow(String model, String overflowModel) {
		this.overflow.put(model, overflowModel);
		return this;
	}

	public LimiterConfigBuilder decreaseFactor(double factor) {
		this.decreaseFactor = factor;
		return this;
	}

	public LimiterConfigBuilder successesPerIncrease(int successes) {
		this.successesPerIncrease = successes;
		return this;
	}

	public LimiterConfigBuilder learntLimitTtl(Duration ttl) {
		this.learntLimitTtl = Objects.requireNonNull(ttl, "learntLimitTtl must not be null");
		return this;
	}

	public LimiterConfigBuilder maxIdleTenants(int count) {
		this.maxIdleTenants = count;
		return this;
	}

	public LimiterConfigBuilder reservedShare(String tier, double share) {
		this.reservedShares.put(tier, share);
		return this;
	}

	/**
	 * Validates the settings and builds the configuration.
	 * @return the configuration
	 * @throws InvalidSettingException naming the setting of an invalid value
	 */
	public LimiterConfig build() {
		return new LimiterConfig(this.modelLimits, this.aliases, this.defaultLimit, this.perUser, this.perUserByModel,
				this.maxQueueSize, this.maxWait, this.backgroundShare, this.overflow, this.decreaseFactor,
				this.successesPerIncrease, this.learntLimitTtl, this.maxIdleTenants, this.reservedShares);
	}

}
