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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.actuate.DeepSeekEndpoint;
import io.github.deepseekstarter.actuate.DeepSeekHealthContributor;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.observability.DeepSeekLaneMetrics;
import io.github.deepseekstarter.observability.DeepSeekMeterNames;
import io.github.deepseekstarter.observability.DeepSeekObservationConvention;
import io.github.deepseekstarter.observability.DefaultDeepSeekObservationConvention;
import io.github.deepseekstarter.observability.MicrometerDeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerLimiterListener;
import io.github.deepseekstarter.observability.ServerRateLimitTracker;
import io.github.deepseekstarter.observability.TenantCostBoard;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetricsPublisher;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
	void autoConfiguredObserverNamesTheServerAndCountsCostAtTheConfiguredPrices() {
		DeepSeekEmulator emulator = this.emulator.emulator();
		URI server = URI.create(emulator.baseUrl());
		this.contextRunner
			.withPropertyValues("deepseek.base-url=" + emulator.baseUrl(), "deepseek.api-key=" + emulator.apiKey(),
					"deepseek.metrics.prices.deepseek-v4-flash.cache-miss-input=2000000",
					"deepseek.metrics.prices.deepseek-v4-flash.currency=CNY")
			.run((context) -> {
				ChatCompletion completion = context.getBean(DeepSeekTemplate.class)
					.chat(ChatCompletionRequest.of("hi"))
					.block(java.time.Duration.ofSeconds(20));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("gen_ai.client.operation.duration")
					.tag("gen_ai.response.model", "deepseek-v4-flash")
					.tag("server.address", server.getHost())
					.tag("server.port", Integer.toString(server.getPort()))
					.timer()
					.count()).isOne();
				// 2 per cache-miss token, so the miss tokens dominate the cost.
				double cost = registry.get("deepseek.client.cost")
					.tag("model", "deepseek-v4-flash")
					.tag("currency", "CNY")
					.counter()
					.count();
				assertThat(cost).isGreaterThanOrEqualTo(2.0 * completion.usage().promptCacheMissTokens());
				assertThat(context.getBean(TenantCostBoard.class).byCost(1)).singleElement()
					.satisfies((tenant) -> assertThat(tenant.cost().get("CNY")).isEqualTo(cost));
			});
	}

	@Test
	void observationConventionBeanReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(UserConventionConfiguration.class)
			.run((context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class)).extracting("convention")
				.isSameAs(context.getBean(DeepSeekObservationConvention.class)));
	}

	@Test
	void priceOfAModelWithoutADefaultMustSetEveryField() {
		this.contextRunner.withPropertyValues("deepseek.metrics.prices.my-model.output=1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasRootCauseMessage("Property deepseek.metrics.prices.my-model.cache-hit-input with value 'null' is "
						+ "invalid: A model without a published default price must set every price field");
		});
	}

	@Test
	void tenantBoardCanBeSwitchedOffAndRefusesAnEmptyCapacity() {
		this.contextRunner.withPropertyValues("deepseek.metrics.tenant-board.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TenantCostBoard.class));
		this.contextRunner.withPropertyValues("deepseek.metrics.tenant-board.capacity=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.metrics.tenant-board.capacity"));
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
	void contentRecordingIsOffByDefaultAndBoundedByItsMaximumSizeWhenSwitchedOn() {
		this.contextRunner.run(
				(context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class)).extracting("maxContentBytes")
					.isEqualTo(0));
		this.contextRunner.withPropertyValues("deepseek.metrics.content.enabled=true")
			.run((context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class))
				.extracting("maxContentBytes")
				.isEqualTo(16 * 1024));
		this.contextRunner
			.withPropertyValues("deepseek.metrics.content.enabled=true", "deepseek.metrics.content.max-size=2KB")
			.run((context) -> assertThat(context.getBean(MicrometerDeepSeekObserver.class))
				.extracting("maxContentBytes")
				.isEqualTo(2048));
		this.contextRunner
			.withPropertyValues("deepseek.metrics.content.enabled=true", "deepseek.metrics.content.max-size=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("deepseek.metrics.content.max-size"));
	}

	@Test
	void autoConfiguredObservationsCarryTheConversationWhenSwitchedOn() {
		DeepSeekEmulator emulator = this.emulator.emulator();
		this.contextRunner
			.withPropertyValues("deepseek.base-url=" + emulator.baseUrl(), "deepseek.api-key=" + emulator.apiKey(),
					"deepseek.metrics.content.enabled=true")
			.run((context) -> {
				List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
				context.getBean(ObservationRegistry.class)
					.observationConfig()
					.observationHandler(new ObservationHandler<>() {

						@Override
						public void onStop(Observation.Context observed) {
							stopped.add(observed);
						}

						@Override
						public boolean supportsContext(Observation.Context observed) {
							return true;
						}

					});
				context.getBean(DeepSeekTemplate.class)
					.chat(ChatCompletionRequest.of("hi"))
					.block(java.time.Duration.ofSeconds(20));
				assertThat(stopped).singleElement()
					.satisfies((call) -> assertThat(call.getHighCardinalityKeyValue("gen_ai.input.messages").getValue())
						.isEqualTo("""
								[{"role":"user","parts":[{"type":"text","content":"hi"}]}]"""));
			});
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
				.hasSingleBean(DeepSeekHealthContributor.class));
	}

	@Test
	void resilience4jMetricsBackOffWithoutResilience4jMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(TaggedRetryMetrics.class.getPackageName()))
			.run((context) -> assertThat(context).hasSingleBean(MicrometerDeepSeekObserver.class)
				.hasSingleBean(BulkheadRegistry.class)
				.doesNotHaveBean("deepSeekRetryMetrics")
				.doesNotHaveBean("deepSeekBulkheadMetrics"));
	}

	@Test
	void eachLanesBulkheadIsInTheBulkheadRegistryAndPublishedAsResilience4jMeters() {
		this.contextRunner.run((context) -> {
			BulkheadRegistry bulkheads = context.getBean(BulkheadRegistry.class);
			assertThat(bulkheads.getAllBulkheads()).extracting(Bulkhead::getName)
				.contains("deepseek-" + LimiterConfig.FLASH, "deepseek-" + LimiterConfig.PRO, "deepseek-default");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("resilience4j.bulkhead.available.concurrent.calls")
				.tag("name", "deepseek-" + LimiterConfig.PRO)
				.gauge()
				.value()).isEqualTo(500);
			assertThat(meters.get("resilience4j.bulkhead.max.allowed.concurrent.calls")
				.tag("name", "deepseek-" + LimiterConfig.FLASH)
				.gauge()
				.value()).isEqualTo(2500);
			context.getBean(DeepSeekLimiter.class).setLimit(LimiterConfig.PRO, 7);
			assertThat(meters.get("resilience4j.bulkhead.max.allowed.concurrent.calls")
				.tag("name", "deepseek-" + LimiterConfig.PRO)
				.gauge()
				.value()).isEqualTo(7);
		});
	}

	@Test
	void applicationsOwnResilience4jRegistriesAndPublishersAreUsedAndOurBindersBackOff() {
		this.contextRunner.withUserConfiguration(UserResilience4jConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean("deepSeekBulkheadRegistry")
				.doesNotHaveBean("deepSeekRetryRegistry")
				.doesNotHaveBean("deepSeekBulkheadMetrics")
				.doesNotHaveBean("deepSeekRetryMetrics");
			BulkheadRegistry bulkheads = context.getBean(BulkheadRegistry.class);
			assertThat(bulkheads.getAllBulkheads()).extracting(Bulkhead::getName)
				.contains("inventory", "deepseek-" + LimiterConfig.FLASH);
			assertThat(context.getBean(RetryRegistry.class).getAllRetries()).extracting(Retry::getName)
				.contains(DeepSeekRetryPolicy.NAME);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("resilience4j.bulkhead.available.concurrent.calls").gauges())
				.extracting((gauge) -> gauge.getId().getTag("name"))
				.contains("inventory", "deepseek-" + LimiterConfig.FLASH);
			assertThat(meters.get("resilience4j.retry.calls").tag("name", DeepSeekRetryPolicy.NAME).meters())
				.isNotEmpty();
		});
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
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DeepSeekHealthContributor.class)
			.hasSingleBean(ServerRateLimitTracker.class)
			.hasBean("deepseekHealthContributor"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.deepseek.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekHealthContributor.class));
	}

	@Test
	void healthIndicatorBacksOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DeepSeekHealthContributor.class));
	}

	@Test
	void userHealthIndicatorMakesOursBackOff() {
		this.contextRunner.withUserConfiguration(UserHealthConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekHealthContributor.class)
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

	/**
	 * What Resilience4j's Spring Boot integration defines: registries whose meters a
	 * publisher, a registry event consumer, records.
	 */
	@Configuration(proxyBeanMethods = false)
	static class UserResilience4jConfiguration {

		@Bean
		TaggedBulkheadMetricsPublisher bulkheadPublisher(MeterRegistry meters) {
			return new TaggedBulkheadMetricsPublisher(meters);
		}

		@Bean
		BulkheadRegistry bulkheadRegistry(TaggedBulkheadMetricsPublisher publisher) {
			BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.ofDefaults(), publisher);
			registry.bulkhead("inventory");
			return registry;
		}

		@Bean
		TaggedRetryMetricsPublisher retryPublisher(MeterRegistry meters) {
			return new TaggedRetryMetricsPublisher(meters);
		}

		@Bean
		RetryRegistry retryRegistry(TaggedRetryMetricsPublisher publisher) {
			return RetryRegistry.of(RetryConfig.ofDefaults(), publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConventionConfiguration {

		@Bean
		DeepSeekObservationConvention myConvention() {
			return new DefaultDeepSeekObservationConvention();
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
