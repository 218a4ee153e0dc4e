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
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.observability.DeepSeekLaneMetrics;
import io.github.deepseekstarter.observability.DeepSeekObservationConvention;
import io.github.deepseekstarter.observability.MicrometerDeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerLimiterListener;
import io.github.deepseekstarter.observability.TenantCostBoard;
import io.github.deepseekstarter.observability.TenantTags;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetricsPublisher;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration of the DeepSeek client's Micrometer meters and observations: the
 * call observer, the limiter's listener and lane gauges, and Resilience4j's metrics of
 * the {@code deepseek} retry.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadMetricsAutoConfiguration",
		"io.github.resilience4j.springboot3.retry.autoconfigure.RetryMetricsAutoConfiguration",
		"io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadMetricsAutoConfiguration",
		"io.github.resilience4j.springboot.retry.autoconfigure.RetryMetricsAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(DeepSeekMetricsProperties.class)
public final class DeepSeekMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("removal")
	MicrometerDeepSeekObserver deepSeekMetricsObserver(MeterRegistry meterRegistry,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<DeepSeekObservationConvention> convention, ObjectProvider<DeepSeekProperties> deepSeek,
			ObjectProvider<TenantCostBoard> tenantBoard, DeepSeekMetricsProperties properties) {
		DeepSeekMetricsProperties.TenantTags tenants = properties.getTenantTags();
		MicrometerDeepSeekObserver.Builder observer = MicrometerDeepSeekObserver.builder(meterRegistry)
			.observations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.tenantTags(tenants.isEnabled() ? new SettingsBoundary(DeepSeekPropertyNames.METRICS_TENANT_TAGS_MAX)
				.create(() -> TenantTags.capped(tenants.getMax())) : TenantTags.disabled())
			.convention(convention.getIfAvailable())
			.legacyNames(properties.isLegacyNames())
			.prices(PriceTables.from(properties))
			.tenantBoard(tenantBoard.getIfAvailable());
		DeepSeekProperties client = deepSeek.getIfAvailable();
		if (client != null) {
			observer.server(client.getBaseUrl());
		}
		DeepSeekMetricsProperties.Content content = properties.getContent();
		if (content.isEnabled()) {
			observer.recordContent(maxContentBytes(content.getMaxSize()));
		}
		return observer.build();
	}

	private static int maxContentBytes(DataSize maxSize) {
		long bytes = maxSize.toBytes();
		if (bytes < 1 || bytes > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException("deepseek.metrics.content.max-size", maxSize,
					"must be at least 1B and below 2GB");
		}
		return (int) bytes;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "deepseek.metrics.tenant-board.enabled", matchIfMissing = true)
	TenantCostBoard deepSeekTenantCostBoard(DeepSeekMetricsProperties properties) {
		int capacity = properties.getTenantBoard().getCapacity();
		if (capacity < 1) {
			throw new InvalidConfigurationPropertyValueException("deepseek.metrics.tenant-board.capacity", capacity,
					"must be at least 1");
		}
		return new TenantCostBoard(capacity);
	}

	@Bean
	@ConditionalOnMissingBean
	MicrometerLimiterListener deepSeekLimiterMetrics(MeterRegistry meterRegistry) {
		return new MicrometerLimiterListener(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(DeepSeekLimiter.class)
	DeepSeekLaneMetrics deepSeekLaneMetrics(DeepSeekLimiter limiter) {
		return new DeepSeekLaneMetrics(limiter);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TaggedBulkheadMetrics.class, TaggedRetryMetrics.class })
	static class Resilience4jMetricsConfiguration {

		// An application using Resilience4j's Spring Boot integration publishes its
		// registries' meters itself, with a publisher (the default) or a binder; these
		// binders then back off, and the lanes' bulkheads are in that registry.
		@Bean
		@ConditionalOnMissingBean({ TaggedBulkheadMetrics.class, TaggedBulkheadMetricsPublisher.class })
		@ConditionalOnBean(BulkheadRegistry.class)
		TaggedBulkheadMetrics deepSeekBulkheadMetrics(BulkheadRegistry registry) {
			return TaggedBulkheadMetrics.ofBulkheadRegistry(registry);
		}

		@Bean
		@ConditionalOnMissingBean({ TaggedRetryMetrics.class, TaggedRetryMetricsPublisher.class })
		@ConditionalOnBean(RetryRegistry.class)
		TaggedRetryMetrics deepSeekRetryMetrics(RetryRegistry registry) {
			return TaggedRetryMetrics.ofRetryRegistry(registry);
		}

	}

}
