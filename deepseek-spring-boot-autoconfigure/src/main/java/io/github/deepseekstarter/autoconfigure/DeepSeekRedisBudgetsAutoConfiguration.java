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

import java.time.Clock;

import io.github.deepseekstarter.limit.TokenBudgets;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisTokenBudgets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * In distributed mode, counts tenants' token budgets in Redis next to the account's
 * leases, in the same namespace, so that every replica counts one budget.
 */
@AutoConfiguration(after = DeepSeekRedisAutoConfiguration.class, before = DeepSeekAutoConfiguration.class)
@ConditionalOnBooleanProperty("deepseek.distributed.enabled")
@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
public final class DeepSeekRedisBudgetsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(TokenBudgets.class)
	@ConditionalOnBean({ RedisAccountPermitsFactory.class, ReactiveRedisConnectionFactory.class })
	RedisTokenBudgets deepSeekRedisTokenBudgets(RedisAccountPermitsFactory permits,
			ReactiveRedisConnectionFactory connectionFactory) {
		return new RedisTokenBudgets(connectionFactory, permits.settings().namespace(),
				permits.settings().commandTimeout(), Clock.systemUTC());
	}

}
