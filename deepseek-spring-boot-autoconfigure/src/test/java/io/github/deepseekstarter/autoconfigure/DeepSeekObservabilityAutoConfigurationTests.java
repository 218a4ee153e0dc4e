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

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.deepseekstarter.actuate.DeepSeekEndpoint;
import io.github.deepseekstarter.actuate.DeepSeekHealthIndicator;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.observability.DeepSeekLaneMetrics;
import io.github.deepseekstarter.observability.DeepSeekMeterNames;
import io.github.deepseekstarter.observability.MicrometerDeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerLimiterListener;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeepSeekMetricsAutoConfiguration},
 * {@link DeepSeekHealthAutoConfiguration} and {@link DeepSeekEndpointAutoConfiguration}.
 */
class DeepSeekObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class,
				DeepSeekMetricsAutoConfiguration.class, DeepSeekHealthAutoConfiguration.class,
				DeepSeekEndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				ObservationAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test-123",
				"deepseek.user-id.secret=hmac-secret-456-of-at-least-32-bytes",
				"management.endpoints.web.exposure.include=deepseek");

	@RegisterExtension
	final DeepSeekEmulatorExtension emulator = new DeepSeekEmulatorExtension();

	@Test
	void autoConfiguredTemplateReportsItsCallsToTheMeters() {
		DeepSeekEmulator emulator = this.emulator.emulator();
		this.contextRunner
			.withPropertyValues("deepseek.base-url=" + emulator.baseUrl(), "deepseek.api-key=" + emulator.apiKey())
			.run((context) -> {
				context.getBean(DeepSeekTemplate.class)
					.chat(ChatCompletionRequest.of("hi"))
					.block(java.time.Duration.ofSeconds(20));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("gen_ai.client.operation.duration").timer().count()).isEqualTo(1);
				assertThat(registry.get("deepseek.upstream.responses").tag("status", "200").counter().count())
					.isEqualTo(1);
				assertThat(context.getBean(DeepSeekTemplate.class).limiter())
					.isSameAs(context.getBean(DeepSeekLimiter.class));
			});
	}

	@Test
	void registersCallObserverLimiterListenerLaneGaugesAndRetryMetrics() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MicrometerDeepSeekObserver.class)
				.hasSingleBean(MicrometerLimiterListener.class)
				.hasSingleBean(DeepSeekLaneMetrics.class)
				.hasBean("deepSeekRetryMetrics");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(DeepSeekMeterNames.LANE_CONFIGURED_LIMIT)
				.tag("model", LimiterConfig.PRO)
				.gauge()
				.value()).isEqualTo(500);
			assertThat(meters.get("resilience4j.retry.calls").tag("name", "deepseek").meters()).isNotEmpty();
		});
	}

	@Test
	void observerUsesTheContextsObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
			.getBean(MicrometerDeepSeekObserver.class)
			.hasFieldOrPropertyWithValue("observations", context.getBean(ObservationRegistry.class)));
	}

	@Test
	void tenantTagsAreOffByDefaultAndCappedWhenSwitchedOn() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class))
			.extracting("tenantTags.enabled")
			.isEqualTo(false));
		this.contextRunner
			.withPropertyValues("deepseek.metrics.tenant-tags.enabled=true", "deepseek.metrics.tenant-tags.max=3")
			.run((context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class))
				.extracting("tenantTags.enabled", "tenantTags.max")
				.containsExactly(true, 3));
	}

	@Test
	void metricsBackOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekMetricsAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123",
					"deepseek.user-id.secret=hmac-secret-456-of-at-least-32-bytes")
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerDeepSeekObserver.class)
				.doesNotHaveBean(MicrometerLimiterListener.class));
	}

	@Test
	void metricsBackOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class,
					DeepSeekMetricsAutoConfiguration.class, DeepSeekHealthAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123",
					"deepseek.user-id.secret=hmac-secret-456-of-at-least-32-bytes")
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MicrometerDeepSeekObserver.class)
				.doesNotHaveBean(DeepSeekLaneMetrics.class)
				.hasSingleBean(DeepSeekHealthIndicator.class));
	}

	@Test
	void retryMetricsBackOffWithoutResilience4jMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(TaggedRetryMetrics.class))
			.run((context) -> assertThat(context).hasSingleBean(MicrometerDeepSeekObserver.class)
				.doesNotHaveBean("deepSeekRetryMetrics"));
	}

	@Test
	void userObserverMakesTheMetricsObserverBackOff() {
		this.contextRunner.withUserConfiguration(UserObserverConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerDeepSeekObserver.class)
				.hasBean("myObserver")
				.doesNotHaveBean("deepSeekMetricsObserver"));
	}

	@Test
	void registersTheHealthIndicatorAndTheTrackerOfServer429s() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DeepSeekHealthIndicator.class)
			.hasSingleBean(ServerRateLimitTracker.class)
			.hasBean("deepseekHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.deepseek.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekHealthIndicator.class));
	}

	@Test
	void healthIndicatorBacksOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DeepSeekHealthIndicator.class));
	}

	@Test
	void userHealthIndicatorMakesOursBackOff() {
		this.contextRunner.withUserConfiguration(UserHealthConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekHealthIndicator.class)
				.hasBean("deepseekHealthIndicator"));
	}

	@Test
	void endpointShowsTheConfigurationWithTheApiKeyAndSecretRedacted() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekEndpoint.class);
			DeepSeekEndpoint.DeepSeekDescriptor state = context.getBean(DeepSeekEndpoint.class).deepseek();
			String json = JsonMapper.builder().build().writeValueAsString(state);
			assertThat(json).doesNotContain("sk-test-123")
				.doesNotContain("hmac-secret-456")
				.contains("\"apiKey\":\"******\"")
				.contains("\"secret\":\"******\"")
				.contains("\"model\":\"deepseek-v4-flash\"");
		});
	}

	@Test
	void endpointChangesTheLimiterOfTheContext() {
		this.contextRunner.run((context) -> {
			context.getBean(DeepSeekEndpoint.class).setLimit(LimiterConfig.PRO, 7);
			assertThat(context.getBean(io.github.deepseekstarter.limit.DeepSeekLimiter.class)
				.snapshot(LimiterConfig.PRO)
				.configuredLimit()).isEqualTo(7);
			assertThat(context.getBean(MeterRegistry.class)
				.get(DeepSeekMeterNames.LANE_CONFIGURED_LIMIT)
				.tag("model", LimiterConfig.PRO)
				.gauge()
				.value()).isEqualTo(7);
		});
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekEndpointAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=sk-test-123",
					"deepseek.user-id.secret=hmac-secret-456-of-at-least-32-bytes")
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DeepSeekEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserverConfiguration {

		@Bean
		MicrometerDeepSeekObserver myObserver(MeterRegistry meters) {
			return new MicrometerDeepSeekObserver(meters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthConfiguration {

		@Bean
		ReactiveHealthIndicator deepseekHealthIndicator() {
			return () -> Mono.just(Health.up().build());
		}

	}

}
