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

import io.github.deepseekstarter.actuate.DeepSeekHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import io.github.deepseekstarter.limit.AccountPermitsFactory;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import io.github.deepseekstarter.limit.redis.RedisPermitsState;
import io.github.deepseekstarter.limit.redis.RedisServerExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distributed mode switched on by a property, against a real Redis.
 */
@ExtendWith({ BlockHoundInstalled.class, OutputCaptureExtension.class })
class DeepSeekRedisAutoConfigurationTests {

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, DeepSeekRedisAutoConfiguration.class,
				DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test-123", "deepseek.user-id.secret=test-secret-of-at-least-32-bytes",
				"spring.data.redis.host=127.0.0.1");

	private ApplicationContextRunner distributed() {
		return this.contextRunner.withPropertyValues("deepseek.distributed.enabled=true",
				"spring.data.redis.port=" + this.redis.port());
	}

	@Test
	void twoKeysOfOneAccountShareTheNamespaceOfTheAccount() {
		distributed().withPropertyValues("deepseek.account=acme", "deepseek.api-key=sk-first-key").run((first) -> {
			distributed().withPropertyValues("deepseek.account=acme", "deepseek.api-key=sk-second-key")
				.run((second) -> {
					String namespace = first.getBean(RedisAccountPermitsFactory.class).settings().namespace();
					assertThat(namespace).contains("acme")
						.isEqualTo(second.getBean(RedisAccountPermitsFactory.class).settings().namespace());
					assertThat(first.getBean(RedisAccountPermitsFactory.class).leaseKey(LimiterConfig.FLASH))
						.isEqualTo(second.getBean(RedisAccountPermitsFactory.class).leaseKey(LimiterConfig.FLASH));
				});
		});
	}

	@Test
	void permitsOfTheLimiterAreLeasesInRedisUnderANamespaceDerivedFromTheApiKey() {
		distributed().run((context) -> {
			RedisAccountPermitsFactory permits = context.getBean(RedisAccountPermitsFactory.class);
			assertThat(permits.settings().namespace()).isEqualTo(RedisPermitsSettings.namespaceOf("sk-test-123"))
				.doesNotContain("sk-test-123");
			assertThat(permits.leaseKey(LimiterConfig.FLASH)).startsWith("{" + permits.settings().namespace() + "}:");
			DeepSeekLimiter limiter = context.getBean(DeepSeekLimiter.class);
			Disposable held = limiter.withPermitMono(Admission.of(LimiterConfig.FLASH), (permit) -> Mono.never())
				.subscribe();
			await().until(() -> this.redis.liveLeases(permits.leaseKey(LimiterConfig.FLASH)) == 1);
			held.dispose();
			await().until(() -> this.redis.liveLeases(permits.leaseKey(LimiterConfig.FLASH)) == 0);
			assertThat(permits.state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
		});
	}

	@Test
	void healthReportsTheLeaseStore() {
		distributed().withConfiguration(AutoConfigurations.of(DeepSeekHealthAutoConfiguration.class)).run((context) -> {
			Health health = ((ReactiveHealthIndicator) context.getBean(DeepSeekHealthContributor.class)
				.getContributor("redis")).health().block(java.time.Duration.ofSeconds(10));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("mode", "REDIS")
				.containsEntry("circuitBreaker", "CLOSED")
				.containsKey("namespace")
				.containsEntry("namespaceSource", "deepseek.api-key");
			assertThat((String) health.getDetails().get("warning")).contains("deepseek.account is not set");
		});
	}

	@Test
	void healthNamesTheAccountWithoutWarningWhenTheAccountIsNamed() {
		distributed().withConfiguration(AutoConfigurations.of(DeepSeekHealthAutoConfiguration.class))
			.withPropertyValues("deepseek.account=acme")
			.run((context) -> {
				Health health = ((ReactiveHealthIndicator) context.getBean(DeepSeekHealthContributor.class)
					.getContributor("redis")).health().block(java.time.Duration.ofSeconds(10));
				assertThat(health.getDetails()).containsEntry("namespace", "deepseek:acme")
					.containsEntry("namespaceSource", "deepseek.account")
					.doesNotContainKey("warning");
			});
	}

	@Test
	void startupLogSaysWhenTheNamespaceDerivesFromTheApiKey(CapturedOutput output) {
		distributed().run((context) -> assertThat(context).hasSingleBean(RedisAccountPermitsFactory.class));
		assertThat(output).contains("deepseek.account is not set");
	}

	@Test
	void anAccountNameWithWhitespaceFailsStartupNamingTheProperty() {
		distributed().withPropertyValues("deepseek.account=my account")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.account"));
	}

	@Test
	void settingsComeFromTheDistributedProperties() {
		distributed()
			.withPropertyValues("deepseek.distributed.namespace=deepseek:shop", "deepseek.distributed.lease-time=12s",
					"deepseek.distributed.command-timeout=400ms", "deepseek.distributed.outage-policy=local-share",
					"deepseek.distributed.expected-replicas=4")
			.run((context) -> assertThat(context.getBean(RedisAccountPermitsFactory.class).settings())
				.extracting(RedisPermitsSettings::namespace, (settings) -> settings.leaseTime().toMillis(),
						(settings) -> settings.commandTimeout().toMillis(), RedisPermitsSettings::outagePolicy,
						RedisPermitsSettings::expectedReplicas)
				.containsExactly("deepseek:shop", 12_000L, 400L,
						io.github.deepseekstarter.limit.redis.OutagePolicy.LOCAL_SHARE, 4));
	}

	@Test
	void staysLocalUnlessEnabled() {
		this.contextRunner.withPropertyValues("spring.data.redis.port=" + this.redis.port())
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekLimiter.class)
				.doesNotHaveBean(AccountPermitsFactory.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnPermits() {
		distributed().withUserConfiguration(OwnPermits.class)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisAccountPermitsFactory.class)
				.hasSingleBean(AccountPermitsFactory.class));
	}

	@Test
	void failsNamingTheStarterToAddWhenSpringDataRedisIsMissing() {
		distributed().withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.distributed.enabled")
				.hasMessageContaining("spring-boot-starter-data-redis-reactive"));
	}

	@Test
	void failsWhenTheQueueLeavesNoRoomToWaitForRedis() {
		distributed().withPropertyValues("deepseek.queue.max-wait=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.queue.max-wait"));
		distributed().withPropertyValues("deepseek.queue.max-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.queue.max-size"));
	}

	@Test
	void failsNamingThePropertyOfAnInvalidLeaseTime() {
		distributed().withPropertyValues("deepseek.distributed.lease-time=100ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.distributed.lease-time"));
	}

	@Test
	void failsNamingThePropertyOfATimeoutNotShorterThanTheLease() {
		distributed()
			.withPropertyValues("deepseek.distributed.lease-time=1s", "deepseek.distributed.command-timeout=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.distributed.command-timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPermits {

		@Bean
		AccountPermitsFactory ownPermits() {
			return BulkheadAccountPermits.factory();
		}

	}

}
