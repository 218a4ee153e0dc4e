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
package io.github.deepseekstarter.autoconfigure;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.InvalidSettingException;
import io.github.deepseekstarter.client.DeepSeekResponseLimits;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterConfigBuilder;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import io.github.deepseekstarter.retry.RetrySettings;

import static io.github.deepseekstarter.DeepSeekPropertyNames.ADAPTIVE_DECREASE_FACTOR;
import static io.github.deepseekstarter.DeepSeekPropertyNames.ADAPTIVE_LEARNT_LIMIT_TTL;
import static io.github.deepseekstarter.DeepSeekPropertyNames.ADAPTIVE_SUCCESSES_PER_INCREASE;
import static io.github.deepseekstarter.DeepSeekPropertyNames.LIMITS_BACKGROUND_SHARE;
import static io.github.deepseekstarter.DeepSeekPropertyNames.LIMITS_DEFAULT_LIMIT;
import static io.github.deepseekstarter.DeepSeekPropertyNames.LIMITS_MAX_IDLE_TENANTS;
import static io.github.deepseekstarter.DeepSeekPropertyNames.LIMITS_PER_USER;
import static io.github.deepseekstarter.DeepSeekPropertyNames.QUEUE_MAX_SIZE;
import static io.github.deepseekstarter.DeepSeekPropertyNames.QUEUE_MAX_WAIT;

/**
 * The one mapping step from configuration properties to the library's settings types,
 * with Boot's {@code PropertyMapper}. The properties start from the settings' defaults;
 * each settings type checks its own rules, and {@link SettingsBoundary} names the
 * property of a value that breaks one.
 */
final class LibrarySettings {

	private LibrarySettings() {
	}

	static LimiterConfig limiterConfig(DeepSeekProperties properties, DeepSeekTenantProperties tenants) {
		DeepSeekProperties.Limits limits = properties.getLimits();
		DeepSeekProperties.Limits.Adaptive adaptive = limits.getAdaptive();
		DeepSeekProperties.Queue queue = properties.getQueue();
		LimiterConfigBuilder builder = LimiterConfig.builder().clearModels();
		SettingsBoundary boundary = new SettingsBoundary(DeepSeekPropertyNames.LIMITS);
		boundary.entries("modelLimits", DeepSeekPropertyNames.LIMITS_MODELS, limits.getModels().keySet())
			.entries("aliases", DeepSeekPropertyNames.LIMITS_ALIASES, limits.getAliases().keySet())
			.entries("overflow", DeepSeekPropertyNames.LIMITS_OVERFLOW, limits.getOverflow().keySet())
			.entries("perUserByModel", DeepSeekPropertyNames.LIMITS_PER_USER_BY_MODEL,
					limits.getPerUserByModel().keySet());
		limits.getModels().forEach(builder::modelLimit);
		limits.getAliases().forEach(builder::alias);
		limits.getOverflow().forEach(builder::overflow);
		limits.getPerUserByModel().forEach(builder::perUser);
		tenants.getTiers().forEach((tier, settings) -> {
			if (settings.getReservedShare() != null) {
				boundary.name(InvalidSettingException.entry("reservedShares", tier),
						DeepSeekPropertyNames.reservedShare(tier));
				builder.reservedShare(tier, settings.getReservedShare());
			}
		});
		boundary.map("defaultLimit", LIMITS_DEFAULT_LIMIT, limits::getDefaultLimit, builder::defaultLimit)
			.map("perUser", LIMITS_PER_USER, limits::getPerUser, builder::perUser)
			.map("backgroundShare", LIMITS_BACKGROUND_SHARE, limits::getBackgroundShare, builder::backgroundShare)
			.map("maxIdleTenants", LIMITS_MAX_IDLE_TENANTS, limits::getMaxIdleTenants, builder::maxIdleTenants)
			.map("decreaseFactor", ADAPTIVE_DECREASE_FACTOR, adaptive::getDecreaseFactor, builder::decreaseFactor)
			.map("successesPerIncrease", ADAPTIVE_SUCCESSES_PER_INCREASE, adaptive::getSuccessesPerIncrease,
					builder::successesPerIncrease)
			.map("learntLimitTtl", ADAPTIVE_LEARNT_LIMIT_TTL, adaptive::getLearntLimitTtl, builder::learntLimitTtl)
			.map("maxQueueSize", QUEUE_MAX_SIZE, queue::getMaxSize, builder::maxQueueSize)
			.map("maxWait", QUEUE_MAX_WAIT, queue::getMaxWait, builder::maxWait);
		return boundary.create(builder::build);
	}

	static RetrySettings retrySettings(DeepSeekProperties properties) {
		DeepSeekProperties.Retry retry = properties.getRetry();
		return SettingsBoundary
			.of(RetrySettings.class, DeepSeekPropertyNames.RETRY, DeepSeekPropertyNames.RETRY_MAX_ATTEMPTS,
					DeepSeekPropertyNames.RETRY_INITIAL_BACKOFF, DeepSeekPropertyNames.RETRY_MULTIPLIER,
					DeepSeekPropertyNames.RETRY_MAX_BACKOFF, DeepSeekPropertyNames.RETRY_MAX_RETRY_AFTER)
			.create(() -> new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
					retry.getMaxBackoff(), retry.getMaxRetryAfter()));
	}

	static DeepSeekTimeouts timeouts(DeepSeekProperties properties) {
		DeepSeekProperties.Timeouts timeouts = properties.getTimeouts();
		return SettingsBoundary
			.of(DeepSeekTimeouts.class, DeepSeekPropertyNames.TIMEOUTS, DeepSeekPropertyNames.TIMEOUTS_CONNECT,
					DeepSeekPropertyNames.TIMEOUTS_PRE_INFERENCE, DeepSeekPropertyNames.TIMEOUTS_IDLE)
			.create(() -> new DeepSeekTimeouts(timeouts.getConnect(), timeouts.getPreInference(), timeouts.getIdle()));
	}

	static DeepSeekResponseLimits responseLimits(DeepSeekProperties properties) {
		DeepSeekProperties.Response response = properties.getResponse();
		return SettingsBoundary
			.of(DeepSeekResponseLimits.class, DeepSeekPropertyNames.RESPONSE,
					DeepSeekPropertyNames.RESPONSE_MAX_EVENT_SIZE, DeepSeekPropertyNames.RESPONSE_MAX_BODY_SIZE)
			.create(() -> new DeepSeekResponseLimits(response.getMaxEventSize(), response.getMaxBodySize()));
	}

	static RedisPermitsSettings redisPermitsSettings(DeepSeekDistributedProperties distributed,
			RedisPermitsSettings.NamespaceSource source, String namespace) {
		String namespaceProperty = (source == RedisPermitsSettings.NamespaceSource.NAMESPACE)
				? DeepSeekPropertyNames.DISTRIBUTED_NAMESPACE : DeepSeekPropertyNames.ACCOUNT;
		return SettingsBoundary.of(RedisPermitsSettings.class, DeepSeekPropertyNames.DISTRIBUTED, namespaceProperty,
				DeepSeekPropertyNames.DISTRIBUTED_LEASE_TIME, DeepSeekPropertyNames.DISTRIBUTED_COMMAND_TIMEOUT,
				DeepSeekPropertyNames.DISTRIBUTED_OUTAGE_POLICY, DeepSeekPropertyNames.DISTRIBUTED_EXPECTED_REPLICAS)
			.create(() -> new RedisPermitsSettings(namespace, distributed.getLeaseTime(),
					distributed.getCommandTimeout(), distributed.getOutagePolicy(), distributed.getExpectedReplicas(),
					source));
	}

}
