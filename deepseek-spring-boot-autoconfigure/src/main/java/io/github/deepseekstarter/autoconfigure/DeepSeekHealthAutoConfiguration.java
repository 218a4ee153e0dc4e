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

import io.github.deepseekstarter.actuate.RedisLeasesHealthContributor;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import org.springframework.context.annotation.Configuration;
import io.github.deepseekstarter.actuate.DeepSeekHealthDetailsContributor;
import io.github.deepseekstarter.actuate.DeepSeekHealthIndicator;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code deepseek} health indicator, switched off by
 * {@code management.health.deepseek.enabled=false}.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ DeepSeekTemplate.class, DeepSeekLimiter.class })
@ConditionalOnEnabledHealthIndicator("deepseek")
@EnableConfigurationProperties(DeepSeekHealthProperties.class)
public final class DeepSeekHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerRateLimitTracker deepSeekServerRateLimitTracker() {
		return new ServerRateLimitTracker();
	}

	@Bean
	@ConditionalOnMissingBean(name = { "deepseekHealthIndicator", "deepseekHealthContributor" })
	DeepSeekHealthIndicator deepseekHealthIndicator(DeepSeekTemplate template, DeepSeekLimiter limiter,
			ObjectProvider<ServerRateLimitTracker> rateLimits,
			ObjectProvider<DeepSeekHealthDetailsContributor> contributors, DeepSeekHealthProperties properties) {
		return new DeepSeekHealthIndicator(template, limiter, rateLimits.getIfAvailable(),
				contributors.orderedStream().toList(), new DeepSeekHealthIndicator.Settings(properties.getCacheTtl(),
						properties.getTimeout(), properties.isDownWhenSaturated()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	@ConditionalOnBean(RedisAccountPermitsFactory.class)
	static class RedisLeasesHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisLeasesHealthContributor deepSeekRedisLeasesHealthContributor(RedisAccountPermitsFactory permits) {
			return new RedisLeasesHealthContributor(permits);
		}

	}

}
