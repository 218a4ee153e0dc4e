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

import io.github.deepseekstarter.autoconfigure.diagnostics.DistributedModeUnavailableException;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Auto-configuration of distributed mode ({@code deepseek.distributed.enabled=true}):
 * account permits become leases in Redis, shared by every replica, on the application's
 * reactive Redis connection factory. Without Spring Data Redis on the classpath, startup
 * fails with the dependency to add rather than silently limiting each replica alone.
 */
@AutoConfiguration(before = DeepSeekAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnBooleanProperty("deepseek.distributed.enabled")
@EnableConfigurationProperties(DeepSeekDistributedProperties.class)
public final class DeepSeekRedisAutoConfiguration {

	private static final String MISSING = "Distributed mode keeps the account's permits in Redis";

	/** What the startup log says when the namespace derives from the API key. */
	public static final String UNNAMED_ACCOUNT = "deepseek.account is not set: the distributed limits are shared "
			+ "only by replicas using the same API key. DeepSeek counts concurrency per account, whatever key "
			+ "is used: set deepseek.account so that every service and key of the account shares one limit.";

	private static final Log logger = LogFactory.getLog(DeepSeekRedisAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	static class RedisPermitsConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(AccountPermitsFactory.class)
		RedisAccountPermitsFactory deepSeekRedisAccountPermitsFactory(DeepSeekDistributedProperties properties,
				DeepSeekProperties deepSeek, ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				Environment environment) {
			requireRoomToWait(deepSeek.getQueue());
			ReactiveRedisConnectionFactory redis = connectionFactory.getIfAvailable();
			if (redis == null) {
				throw new InvalidConfigurationPropertyValueException("deepseek.distributed.enabled", true, MISSING
						+ " and needs a ReactiveRedisConnectionFactory bean: configure spring.data.redis.* (host, port,"
						+ " password) so that Spring Boot creates one, define one yourself, or set"
						+ " deepseek.distributed.enabled=false.");
			}
			RedisPermitsSettings settings = properties.toSettings(deepSeek.getAccount(),
					environment.getProperty("deepseek.api-key"));
			if (settings.namespaceSource() == RedisPermitsSettings.NamespaceSource.API_KEY) {
				logger.warn(UNNAMED_ACCOUNT);
			}
			return new RedisAccountPermitsFactory(redis, settings);
		}

	}

	/**
	 * Each shared permit is an answer from Redis, so a request must be allowed to wait
	 * for one round trip: with a queue that takes no one or waits for nothing, every
	 * request would be turned away.
	 */
	private static void requireRoomToWait(DeepSeekProperties.Queue queue) {
		if (queue.getMaxSize() == 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.queue.max-size", 0,
					"Distributed mode needs room for a request to wait for Redis' answer: set a positive "
							+ "deepseek.queue.max-size.");
		}
		if (queue.getMaxWait().isZero()) {
			throw new InvalidConfigurationPropertyValueException("deepseek.queue.max-wait", queue.getMaxWait(),
					"Distributed mode needs time for a request to wait for Redis' answer: set a positive "
							+ "deepseek.queue.max-wait.");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	static class RedisMissingConfiguration {

		RedisMissingConfiguration() {
			throw new DistributedModeUnavailableException("deepseek.distributed.enabled is true. " + MISSING
					+ " through Spring Data Redis reactive, which is not on the classpath: add the dependency "
					+ "org.springframework.boot:spring-boot-starter-data-redis-reactive, or set "
					+ "deepseek.distributed.enabled=false.");
		}

	}

}
