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

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.client.DeepSeekClientCustomizer;
import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.ConfiguredTenantPolicy;
import io.github.deepseekstarter.identity.TenantPolicy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.identity.UserIdResolver;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.CompositeLimiterListener;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.limit.LocalTokenBudgets;
import io.github.deepseekstarter.limit.TokenBudgets;
import io.github.deepseekstarter.limit.TokenCharge;
import io.github.deepseekstarter.observability.CompositeDeepSeekObserver;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of {@link DeepSeekTemplate}: a dedicated connection pool sized to
 * the account's limits, a web client pointed at DeepSeek, and the template.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
		"io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
		"io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration",
		"io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, HttpClient.class })
@EnableConfigurationProperties({ DeepSeekProperties.class, DeepSeekTenantProperties.class })
public final class DeepSeekAutoConfiguration {

	@Bean(destroyMethod = "dispose")
	@ConditionalOnMissingBean(name = "deepSeekConnectionProvider")
	ConnectionProvider deepSeekConnectionProvider(DeepSeekProperties properties, DeepSeekTenantProperties tenants) {
		DeepSeekProperties.Pool pool = properties.getPool();
		int maxConnections = (pool.getMaxConnections() != null) ? pool.getMaxConnections()
				: defaultMaxConnections(LibrarySettings.limiterConfig(properties, tenants));
		return DeepSeekConnector.connectionProvider(maxConnections, pool.getPendingAcquireMaxCount(),
				pool.getPendingAcquireTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	BulkheadRegistry deepSeekBulkheadRegistry() {
		return BulkheadRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	RetryRegistry deepSeekRetryRegistry() {
		return RetryRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	DeepSeekLimiter deepSeekLimiter(DeepSeekProperties properties, DeepSeekTenantProperties tenants,
			ObjectProvider<AccountPermitsFactory> permits, ObjectProvider<LimiterListener> listeners,
			ObjectProvider<TokenBudgets> budgets, BulkheadRegistry bulkheads) {
		return new DeepSeekLimiter(LibrarySettings.limiterConfig(properties, tenants),
				permits.getIfAvailable(() -> BulkheadAccountPermits.factory(bulkheads)),
				CompositeLimiterListener.of(listeners.orderedStream().toList()),
				budgets.getIfAvailable(() -> new LocalTokenBudgets(Clock.systemUTC())),
				new SettingsBoundary(DeepSeekPropertyNames.BUDGETS_CACHE_HIT_RATE)
					.create(() -> new TokenCharge(tenants.getBudgets().getCacheHitRate())));
	}

	/**
	 * The tenant policy of configuration without Spring Security: tiers and weights by
	 * tenant only, since no token names a tier.
	 */
	@Bean
	@ConditionalOnMissingBean
	TenantPolicy deepSeekTenantPolicy(DeepSeekTenantProperties tenants) {
		DeepSeekTenantProperties.TenantTier tier = tenants.getTenantTier();
		if (tier.getClaim() != null || tier.getAuthorityPrefix() != null) {
			throw new InvalidConfigurationPropertyValueException(
					(tier.getClaim() != null) ? "deepseek.tenant-tier.claim" : "deepseek.tenant-tier.authority-prefix",
					(tier.getClaim() != null) ? tier.getClaim() : tier.getAuthorityPrefix(),
					"A tier read from the caller's token needs Spring Security on the classpath; add it, or set "
							+ "tiers per tenant with deepseek.tenants.<name>.tier.");
		}
		return new ConfiguredTenantPolicy(tenants.policyTenants(), tenants.policyTiers(), List.of(),
				tier.getDefaultTier());
	}

	/**
	 * Puts the retry policy's own {@code Retry} in the registry, the application's when
	 * it has one, so Resilience4j's metrics count its calls.
	 */
	@Bean
	SmartInitializingSingleton deepSeekRetryRegistration(ObjectProvider<DeepSeekRetryPolicy> policy,
			ObjectProvider<RetryRegistry> registry) {
		return () -> policy.ifAvailable((retry) -> registry.ifAvailable((retries) -> {
			retries.retry(DeepSeekRetryPolicy.NAME);
			retries.replace(DeepSeekRetryPolicy.NAME, retry.retry());
		}));
	}

	@Bean
	@ConditionalOnMissingBean
	UserIdPolicy deepSeekUserIdPolicy(DeepSeekProperties properties) {
		return UserIdPolicy.of(properties.getUserId().getPolicy(), properties.getUserId().getSecret());
	}

	@Bean
	@ConditionalOnMissingBean
	AnonymousUserIdStrategy deepSeekAnonymousUserIdStrategy(DeepSeekProperties properties, UserIdPolicy policy) {
		DeepSeekProperties.UserId userId = properties.getUserId();
		return AnonymousUserIdStrategy.of(userId.getAnonymous(), userId.getAnonymousId(), policy);
	}

	@Bean
	@ConditionalOnMissingBean
	UserIdResolution deepSeekUserIdResolution(DeepSeekProperties properties, UserIdPolicy policy,
			ObjectProvider<UserIdResolver> resolvers, AnonymousUserIdStrategy anonymous, TenantPolicy tenants) {
		return new UserIdResolution(policy, resolvers.orderedStream().toList(), anonymous,
				properties.getUserId().isAllowOverride(), tenants);
	}

	@Bean
	@ConditionalOnMissingBean
	DeepSeekRetryPolicy deepSeekRetryPolicy(DeepSeekProperties properties) {
		return new DeepSeekRetryPolicy(LibrarySettings.retrySettings(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	DeepSeekTemplate deepSeekTemplate(DeepSeekProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			@Qualifier("deepSeekConnectionProvider") ConnectionProvider connectionProvider,
			ObjectProvider<DeepSeekClientCustomizer> customizers, UserIdResolution userIds, DeepSeekRetryPolicy retry,
			DeepSeekLimiter limiter, ObjectProvider<DeepSeekObserver> observers) {
		DeepSeekTimeouts timeouts = LibrarySettings.timeouts(properties);
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
		DeepSeekConnector.configure(builder, baseUrl(properties), properties.getApiKey(), connectionProvider, timeouts);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return DeepSeekTemplate.builder(builder.build())
			.timeouts(timeouts)
			.responseLimits(LibrarySettings.responseLimits(properties))
			.defaultModel(properties.getModel())
			.userIds(userIds)
			.retry(retry)
			.limiter(limiter)
			.observer(CompositeDeepSeekObserver.of(observers.orderedStream().toList()))
			.protocol(properties.getProtocol())
			.build();
	}

	/**
	 * Every lane's permits need a connection of their own, plus a tenth of headroom for
	 * the other calls (models, balance) and for connections being closed.
	 */
	/**
	 * Sums the resolved lanes, so that an alias given a limit of its own, which shares
	 * its model's lane, is counted once.
	 */
	private static int defaultMaxConnections(LimiterConfig limits) {
		int lanes = limits.modelLimits().values().stream().mapToInt(Integer::intValue).sum() + limits.defaultLimit();
		return lanes + Math.max(10, lanes / 10);
	}

	private static URI baseUrl(DeepSeekProperties properties) {
		String url = properties.getBaseUrl().toString();
		return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
	}

}
