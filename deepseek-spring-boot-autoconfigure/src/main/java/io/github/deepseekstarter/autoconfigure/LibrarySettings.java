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

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * The one mapping step from configuration properties to the library's settings types. The
 * properties start from the settings' defaults; each settings type checks its own rules,
 * and {@link SettingsBoundary} names the property of a value that breaks one.
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
		PropertyMapper map = PropertyMapper.get();
		boundary.name("defaultLimit", DeepSeekPropertyNames.LIMITS_DEFAULT_LIMIT);
		map.from(limits::getDefaultLimit).to(builder::defaultLimit);
		boundary.name("perUser", DeepSeekPropertyNames.LIMITS_PER_USER);
		map.from(limits::getPerUser).to(builder::perUser);
		boundary.name("backgroundShare", DeepSeekPropertyNames.LIMITS_BACKGROUND_SHARE);
		map.from(limits::getBackgroundShare).to(builder::backgroundShare);
		boundary.name("maxIdleTenants", DeepSeekPropertyNames.LIMITS_MAX_IDLE_TENANTS);
		map.from(limits::getMaxIdleTenants).to(builder::maxIdleTenants);
		boundary.name("decreaseFactor", DeepSeekPropertyNames.ADAPTIVE_DECREASE_FACTOR);
		map.from(adaptive::getDecreaseFactor).to(builder::decreaseFactor);
		boundary.name("successesPerIncrease", DeepSeekPropertyNames.ADAPTIVE_SUCCESSES_PER_INCREASE);
		map.from(adaptive::getSuccessesPerIncrease).to(builder::successesPerIncrease);
		boundary.name("learntLimitTtl", DeepSeekPropertyNames.ADAPTIVE_LEARNT_LIMIT_TTL);
		map.from(adaptive::getLearntLimitTtl).to(builder::learntLimitTtl);
		boundary.name("maxQueueSize", DeepSeekPropertyNames.QUEUE_MAX_SIZE);
		map.from(queue::getMaxSize).to(builder::maxQueueSize);
		boundary.name("maxWait", DeepSeekPropertyNames.QUEUE_MAX_WAIT);
		map.from(queue::getMaxWait).to(builder::maxWait);
		return boundary.create(builder::build);
	}

	static RetrySettings retrySettings(DeepSeekProperties properties) {
		DeepSeekProperties.Retry retry = properties.getRetry();
		return new SettingsBoundary(DeepSeekPropertyNames.RETRY)
			.name("maxAttempts", DeepSeekPropertyNames.RETRY_MAX_ATTEMPTS)
			.name("initialBackoff", DeepSeekPropertyNames.RETRY_INITIAL_BACKOFF)
			.name("multiplier", DeepSeekPropertyNames.RETRY_MULTIPLIER)
			.name("maxBackoff", DeepSeekPropertyNames.RETRY_MAX_BACKOFF)
			.name("maxRetryAfter", DeepSeekPropertyNames.RETRY_MAX_RETRY_AFTER)
			.create(() -> new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
					retry.getMaxBackoff(), retry.getMaxRetryAfter()));
	}

	static DeepSeekTimeouts timeouts(DeepSeekProperties properties) {
		DeepSeekProperties.Timeouts timeouts = properties.getTimeouts();
		return new SettingsBoundary(DeepSeekPropertyNames.TIMEOUTS)
			.name("connect", DeepSeekPropertyNames.TIMEOUTS_CONNECT)
			.name("preInference", DeepSeekPropertyNames.TIMEOUTS_PRE_INFERENCE)
			.name("idle", DeepSeekPropertyNames.TIMEOUTS_IDLE)
			.create(() -> new DeepSeekTimeouts(timeouts.getConnect(), timeouts.getPreInference(), timeouts.getIdle()));
	}

	static DeepSeekResponseLimits responseLimits(DeepSeekProperties properties) {
		DeepSeekProperties.Response response = properties.getResponse();
		return new SettingsBoundary(DeepSeekPropertyNames.RESPONSE)
			.name("maxEventSize", DeepSeekPropertyNames.RESPONSE_MAX_EVENT_SIZE)
			.name("maxBodySize", DeepSeekPropertyNames.RESPONSE_MAX_BODY_SIZE)
			.create(() -> new DeepSeekResponseLimits(response.getMaxEventSize(), response.getMaxBodySize()));
	}

	static RedisPermitsSettings redisPermitsSettings(DeepSeekDistributedProperties distributed,
			RedisPermitsSettings.NamespaceSource source, String namespace) {
		String namespaceProperty = (source == RedisPermitsSettings.NamespaceSource.NAMESPACE)
				? DeepSeekPropertyNames.DISTRIBUTED_NAMESPACE : DeepSeekPropertyNames.ACCOUNT;
		return new SettingsBoundary(DeepSeekPropertyNames.DISTRIBUTED).name("namespace", namespaceProperty)
			.name("leaseTime", DeepSeekPropertyNames.DISTRIBUTED_LEASE_TIME)
			.name("commandTimeout", DeepSeekPropertyNames.DISTRIBUTED_COMMAND_TIMEOUT)
			.name("outagePolicy", DeepSeekPropertyNames.DISTRIBUTED_OUTAGE_POLICY)
			.name("expectedReplicas", DeepSeekPropertyNames.DISTRIBUTED_EXPECTED_REPLICAS)
			.create(() -> new RedisPermitsSettings(namespace, distributed.getLeaseTime(),
					distributed.getCommandTimeout(), distributed.getOutagePolicy(), distributed.getExpectedReplicas(),
					source));
	}

}
