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

import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekResponseLimits;
import io.github.deepseekstarter.client.DeepSeekTemplateBuilder;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.identity.AnonymousMode;
import io.github.deepseekstarter.identity.UserIdPolicyType;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import io.github.deepseekstarter.retry.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every default of the properties is the constant of the library type it configures: the
 * properties bound from an empty environment are walked property by property and compared
 * with the table below, which names the constant each default comes from. A property
 * without a row fails, as does a default that parts from its constant.
 */
class PropertyDefaultsTests {

	private static final Binder EMPTY = new Binder(new MapConfigurationPropertySource());

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void everyDefaultIsTheLibrarysConstant() {
		Map<String, @Nullable Object> expected = new LinkedHashMap<>();
		expected.put("deepseek.api-key", null);
		expected.put("deepseek.account", null);
		expected.put("deepseek.base-url", DeepSeekConnector.DEFAULT_BASE_URL);
		expected.put("deepseek.model", DeepSeekTemplateBuilder.DEFAULT_MODEL);
		expected.put("deepseek.protocol", DeepSeekTemplateBuilder.DEFAULT_PROTOCOL);
		expected.put("deepseek.limits.models", LimiterConfig.DEFAULT_MODEL_LIMITS);
		expected.put("deepseek.limits.aliases", LimiterConfig.DEFAULT_ALIASES);
		expected.put("deepseek.limits.default-limit", LimiterConfig.DEFAULT_DEFAULT_LIMIT);
		expected.put("deepseek.limits.per-user", LimiterConfig.DEFAULT_PER_USER);
		expected.put("deepseek.limits.per-user-by-model", Map.of());
		expected.put("deepseek.limits.background-share", LimiterConfig.DEFAULT_BACKGROUND_SHARE);
		expected.put("deepseek.limits.overflow", LimiterConfig.DEFAULT_OVERFLOW);
		expected.put("deepseek.limits.max-idle-tenants", LimiterConfig.DEFAULT_MAX_IDLE_TENANTS);
		expected.put("deepseek.limits.adaptive.decrease-factor", LimiterConfig.DEFAULT_DECREASE_FACTOR);
		expected.put("deepseek.limits.adaptive.successes-per-increase", LimiterConfig.DEFAULT_SUCCESSES_PER_INCREASE);
		expected.put("deepseek.limits.adaptive.learnt-limit-ttl", LimiterConfig.DEFAULT_LEARNT_LIMIT_TTL);
		expected.put("deepseek.queue.max-size", LimiterConfig.DEFAULT_MAX_QUEUE_SIZE);
		expected.put("deepseek.queue.max-wait", LimiterConfig.DEFAULT_MAX_WAIT);
		expected.put("deepseek.timeouts.connect", DeepSeekTimeouts.DEFAULT_CONNECT);
		expected.put("deepseek.timeouts.pre-inference", DeepSeekTimeouts.DEFAULT_PRE_INFERENCE);
		expected.put("deepseek.timeouts.idle", DeepSeekTimeouts.DEFAULT_IDLE);
		expected.put("deepseek.response.max-event-size", DeepSeekResponseLimits.DEFAULT_MAX_EVENT_SIZE);
		expected.put("deepseek.response.max-body-size", DeepSeekResponseLimits.DEFAULT_MAX_BODY_SIZE);
		expected.put("deepseek.pool.max-connections", null);
		expected.put("deepseek.pool.pending-acquire-max-count", DeepSeekConnector.DEFAULT_PENDING_ACQUIRE_MAX_COUNT);
		expected.put("deepseek.pool.pending-acquire-timeout", DeepSeekConnector.DEFAULT_PENDING_ACQUIRE_TIMEOUT);
		// The user-id defaults have no library counterpart: the library's own default
		// is the raw policy, the starter's the safe one.
		expected.put("deepseek.user-id.policy", UserIdPolicyType.HMAC);
		expected.put("deepseek.user-id.secret", null);
		expected.put("deepseek.user-id.claim", null);
		expected.put("deepseek.user-id.anonymous", AnonymousMode.NONE);
		expected.put("deepseek.user-id.anonymous-id", null);
		expected.put("deepseek.user-id.allow-override", false);
		expected.put("deepseek.retry.max-attempts", RetrySettings.DEFAULT_MAX_ATTEMPTS);
		expected.put("deepseek.retry.initial-backoff", RetrySettings.DEFAULT_INITIAL_BACKOFF);
		expected.put("deepseek.retry.multiplier", RetrySettings.DEFAULT_MULTIPLIER);
		expected.put("deepseek.retry.max-backoff", RetrySettings.DEFAULT_MAX_BACKOFF);
		expected.put("deepseek.retry.max-retry-after", RetrySettings.DEFAULT_MAX_RETRY_AFTER);
		expected.put("deepseek.distributed.enabled", false);
		expected.put("deepseek.distributed.namespace", null);
		expected.put("deepseek.distributed.lease-time", RedisPermitsSettings.DEFAULT_LEASE_TIME);
		expected.put("deepseek.distributed.command-timeout", RedisPermitsSettings.DEFAULT_COMMAND_TIMEOUT);
		expected.put("deepseek.distributed.outage-policy", RedisPermitsSettings.DEFAULT_OUTAGE_POLICY);
		expected.put("deepseek.distributed.expected-replicas", RedisPermitsSettings.DEFAULT_EXPECTED_REPLICAS);
		assertThat(boundDefaults()).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void theMappingOfDefaultPropertiesGivesTheLibrarysDefaults() {
		DeepSeekProperties properties = EMPTY.bindOrCreate("deepseek", DeepSeekProperties.class);
		DeepSeekTenantProperties tenants = EMPTY.bindOrCreate("deepseek", DeepSeekTenantProperties.class);
		assertThat(LibrarySettings.limiterConfig(properties, tenants)).isEqualTo(LimiterConfig.builder().build());
		assertThat(LibrarySettings.retrySettings(properties)).isEqualTo(RetrySettings.DEFAULTS);
		assertThat(LibrarySettings.timeouts(properties)).isEqualTo(DeepSeekTimeouts.DEFAULTS);
		assertThat(LibrarySettings.responseLimits(properties)).isEqualTo(DeepSeekResponseLimits.DEFAULTS);
	}

	@Test
	void theMetadataShowsEveryScalarDefault() throws Exception {
		Map<String, @Nullable Object> bound = boundDefaults();
		Map<String, JsonNode> metadata = new TreeMap<>();
		for (JsonNode property : JsonMapper.shared().readTree(METADATA.toFile()).path("properties")) {
			metadata.put(property.path("name").asString(), property);
		}
		ConversionService conversion = ApplicationConversionService.getSharedInstance();
		bound.forEach((name, value) -> {
			if (value == null || value instanceof Map || value instanceof Boolean) {
				return;
			}
			JsonNode defaultValue = metadata.get(name).path("defaultValue");
			assertThat(defaultValue.isMissingNode()).as("default of %s in the metadata", name).isFalse();
			assertThat(conversion.convert(defaultValue.asString(), value.getClass())).as("default of %s", name)
				.isEqualTo(value);
		});
	}

	// Both classes bound from nothing, each property named as in configuration.
	private static Map<String, @Nullable Object> boundDefaults() {
		Map<String, @Nullable Object> defaults = new TreeMap<>();
		collect(EMPTY.bindOrCreate("deepseek", DeepSeekProperties.class), "deepseek.", defaults);
		collect(EMPTY.bindOrCreate("deepseek.distributed", DeepSeekDistributedProperties.class),
				"deepseek.distributed.", defaults);
		return defaults;
	}

	private static void collect(Object bean, String prefix, Map<String, @Nullable Object> defaults) {
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bean);
		for (PropertyDescriptor descriptor : wrapper.getPropertyDescriptors()) {
			String name = descriptor.getName();
			if (name.equals("class") || descriptor.getReadMethod() == null) {
				continue;
			}
			Object value = wrapper.getPropertyValue(name);
			String key = prefix + kebab(name);
			if (value != null && isGroup(value.getClass())) {
				collect(value, key + ".", defaults);
			}
			else {
				defaults.put(key, value);
			}
		}
	}

	private static boolean isGroup(Class<?> type) {
		Class<?> owner = type.getEnclosingClass();
		while (owner != null && owner.getEnclosingClass() != null) {
			owner = owner.getEnclosingClass();
		}
		return owner == DeepSeekProperties.class || owner == DeepSeekDistributedProperties.class;
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
