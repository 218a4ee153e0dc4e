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

import java.util.Map;

import io.github.deepseekstarter.actuate.DeepSeekHealthContributor;
import io.github.deepseekstarter.actuate.RedisLeasesHealthIndicator;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the {@code deepseek} health contributor, switched off by
 * {@code management.health.deepseek.enabled=false}: the balance and the lanes, and the
 * Redis leases in distributed mode, each a component of it.
 */
@AutoConfiguration(after = { DeepSeekAutoConfiguration.class, DeepSeekRedisAutoConfiguration.class },
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ DeepSeekTemplate.class, DeepSeekLimiter.class })
@ConditionalOnEnabledHealthIndicator("deepseek")
@EnableConfigurationProperties(DeepSeekHealthProperties.class)
public final class DeepSeekHealthAutoConfiguration {

	private static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	@Bean
	@ConditionalOnMissingBean
	ServerRateLimitTracker deepSeekServerRateLimitTracker() {
		return new ServerRateLimitTracker();
	}

	@Bean
	@ConditionalOnMissingBean(name = { "deepseekHealthIndicator", "deepseekHealthContributor" })
	DeepSeekHealthContributor deepseekHealthContributor(DeepSeekTemplate template, DeepSeekLimiter limiter,
			ObjectProvider<ServerRateLimitTracker> rateLimits, ObjectProvider<AccountPermitsFactory> accountPermits,
			DeepSeekHealthProperties properties) {
		Map<String, ReactiveHealthContributor> parts = DeepSeekHealthContributor.standardParts(template, limiter,
				rateLimits.getIfAvailable(), new DeepSeekHealthContributor.Settings(properties.getCacheTtl(),
						properties.getTimeout(), properties.isDownWhenSaturated()));
		// Only looked at with Spring Data Redis present, as the lease store's type needs
		// it.
		AccountPermitsFactory permits = accountPermits.getIfAvailable();
		if (permits != null && isPresent(REDIS_CONNECTION_FACTORY)
				&& permits instanceof RedisAccountPermitsFactory redis) {
			parts.put("redis", new RedisLeasesHealthIndicator(redis));
		}
		return new DeepSeekHealthContributor(parts);
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, DeepSeekHealthAutoConfiguration.class.getClassLoader());
	}

}
