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

import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.client.DeepSeekClientCustomizer;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeepSeekAutoConfiguration}.
 */
class DeepSeekAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test-123", "deepseek.user-id.secret=test-secret-of-at-least-32-bytes");

	@Test
	void createsTemplateWithDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekTemplate.class);
			assertThat(context.getBean(DeepSeekTemplate.class).defaultModel()).isEqualTo("deepseek-v4-flash");
			DeepSeekProperties properties = context.getBean(DeepSeekProperties.class);
			assertThat(properties.getBaseUrl()).hasToString("https://api.deepseek.com");
			assertThat(properties.getTimeouts().getPreInference()).isGreaterThan(java.time.Duration.ofMinutes(10));
		});
	}

	@Test
	void templateRunsOnTheContextsLimiter() {
		this.contextRunner.withPropertyValues("deepseek.limits.models.deepseek-v4-pro=7").run((context) -> {
			DeepSeekLimiter limiter = context.getBean(DeepSeekLimiter.class);
			assertThat(context.getBean(DeepSeekTemplate.class).limiter()).isSameAs(limiter);
			assertThat(limiter.snapshot("deepseek-v4-pro").configuredLimit()).isEqualTo(7);
			assertThat(limiter.snapshot("deepseek-v4-flash").configuredLimit()).isEqualTo(2500);
		});
	}

	@Test
	void failsOnNonPositiveModelLimitNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.limits.models.deepseek-v4-pro=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.limits.models.deepseek-v4-pro"));
	}

	@Test
	void sizesTheDedicatedPoolAboveThePublishedLimits() {
		this.contextRunner.run((context) -> {
			ConnectionProvider provider = context.getBean("deepSeekConnectionProvider", ConnectionProvider.class);
			assertThat(provider.name()).isEqualTo("deepseek");
			assertThat(provider.maxConnections()).isEqualTo(3850);
		});
	}

	@Test
	void aliasWithItsOwnLimitIsCountedOnceWhenSizingThePool() {
		this.contextRunner.withPropertyValues("deepseek.limits.models.deepseek-chat=2500")
			.run((context) -> assertThat(
					context.getBean("deepSeekConnectionProvider", ConnectionProvider.class).maxConnections())
				.isEqualTo(3850));
	}

	@Test
	void poolSizeCanBeSet() {
		this.contextRunner.withPropertyValues("deepseek.pool.max-connections=42")
			.run((context) -> assertThat(
					context.getBean("deepSeekConnectionProvider", ConnectionProvider.class).maxConnections())
				.isEqualTo(42));
	}

	@Test
	void defaultModelCanBeSet() {
		this.contextRunner.withPropertyValues("deepseek.model=deepseek-v4-pro")
			.run((context) -> assertThat(context.getBean(DeepSeekTemplate.class).defaultModel())
				.isEqualTo("deepseek-v4-pro"));
	}

	@Test
	void backsOffWhenUserDefinesTemplate() {
		this.contextRunner.withUserConfiguration(UserTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekTemplate.class);
			assertThat(context.getBean(DeepSeekTemplate.class))
				.isSameAs(context.getBean(UserTemplateConfiguration.class).template);
		});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(CustomizerConfiguration.class).calls).hasValue(1));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekTemplate.class));
	}

	@Test
	void failsWithoutApiKeyNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("deepseek.api-key"));
	}

	@Test
	void failsOnMalformedBaseUrlNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.base-url=api.deepseek.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.base-url"));
	}

	@Test
	void failsOnNonPositiveTimeoutNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.timeouts.idle=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.timeouts.idle"));
	}

	@Test
	void failsOnNonPositiveResponseSizeNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.response.max-event-size=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.response.max-event-size"));
		this.contextRunner.withPropertyValues("deepseek.response.max-body-size=3GB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.response.max-body-size"));
	}

	@Test
	void responseSizesAreSetInDataSizeUnits() {
		this.contextRunner
			.withPropertyValues("deepseek.response.max-event-size=64KB", "deepseek.response.max-body-size=32MB")
			.run((context) -> {
				DeepSeekProperties properties = context.getBean(DeepSeekProperties.class);
				assertThat(properties.getResponse().getMaxEventSize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(properties.getResponse().getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(32));
			});
	}

	@Test
	void failsOnNonPositivePoolSizeNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.pool.max-connections=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.pool.max-connections"));
	}

	@Test
	void neverShowsTheApiKey() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(DeepSeekProperties.class).toString()).doesNotContain("sk-test-123");
			assertThat(context.getBean(DeepSeekTemplate.class).toString()).doesNotContain("sk-test-123");
		});
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-secret-456", "deepseek.base-url=nope")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.message()
				.doesNotContain("sk-secret-456"));
	}

	@Test
	void failsWithoutHmacSecretNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("deepseek.user-id.secret"));
	}

	@Test
	void failsWithAnHmacSecretShorterThan32BytesNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123", "deepseek.user-id.secret=short-secret")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("deepseek.user-id.secret")
				.hasMessageContaining("32 bytes")
				.hasMessageNotContaining("short-secret"));
	}

	@Test
	void rawPolicyNeedsNoSecret() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123", "deepseek.user-id.policy=raw")
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTemplate.class));
	}

	@Test
	void sharedAnonymousModeNeedsTheSharedIdNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.user-id.anonymous=shared")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.user-id.anonymous-id"));
	}

	@Test
	void neverShowsTheHmacSecret() {
		this.contextRunner.withPropertyValues("deepseek.user-id.secret=very-secret-value-of-at-least-32-bytes")
			.run((context) -> assertThat(context.getBean(UserIdPolicy.class).toString())
				.doesNotContain("very-secret-value"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		final DeepSeekTemplate template = DeepSeekTemplate.builder(WebClient.create("http://127.0.0.1:9")).build();

		@Bean
		DeepSeekTemplate userTemplate() {
			return this.template;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		DeepSeekClientCustomizer countingCustomizer() {
			return (builder) -> this.calls.incrementAndGet();
		}

	}

}
