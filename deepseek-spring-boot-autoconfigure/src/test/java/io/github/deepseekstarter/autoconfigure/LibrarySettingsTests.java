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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapping step names the property of every value a library settings type rejects: the
 * settings check their rules in their own terms, the boundary translates.
 */
class LibrarySettingsTests {

	@Test
	void invalidLimitsNameTheirProperty() {
		assertLimitsFail("deepseek.limits.models.x", "0");
		assertLimitsFail("deepseek.limits.models.deepseek-v4-pro", "0");
		assertLimitsFail("deepseek.limits.default-limit", "0");
		assertLimitsFail("deepseek.limits.per-user", "-1");
		assertLimitsFail("deepseek.limits.per-user-by-model.deepseek-v4-pro", "-1");
		assertLimitsFail("deepseek.queue.max-size", "-1");
		assertLimitsFail("deepseek.queue.max-wait", "-1s");
		assertLimitsFail("deepseek.limits.background-share", "0");
		assertLimitsFail("deepseek.limits.background-share", "1.5");
		assertLimitsFail("deepseek.limits.adaptive.decrease-factor", "1");
		assertLimitsFail("deepseek.limits.adaptive.successes-per-increase", "0");
		assertLimitsFail("deepseek.limits.adaptive.learnt-limit-ttl", "-1s");
		assertLimitsFail("deepseek.limits.max-idle-tenants", "0");
		assertLimitsFail("deepseek.limits.aliases.a", "missing");
		assertLimitsFail("deepseek.limits.overflow.deepseek-v4-flash", "missing");
		assertLimitsFail("deepseek.tiers.a.reserved-share", "0");
	}

	@Test
	void aLimitSetUnderAnAliasThatConflictsWithItsLaneNamesTheAlias() {
		assertFails(Map.of("deepseek.limits.models.deepseek-chat", "40"), "deepseek.limits.models.deepseek-chat",
				this::limiterConfig);
	}

	@Test
	void reservedSharesOverTheWholeLaneNameTheTierThatCrossesIt() {
		Map<String, String> shares = new LinkedHashMap<>();
		shares.put("deepseek.tiers.a.reserved-share", "0.7");
		shares.put("deepseek.tiers.b.reserved-share", "0.4");
		assertFails(shares, "deepseek.tiers.b.reserved-share", this::limiterConfig);
	}

	@Test
	void invalidRetryTimeoutAndResponseSettingsNameTheirProperty() {
		assertFails("deepseek.retry.max-attempts", "0", (p) -> LibrarySettings.retrySettings(deepSeek(p)));
		assertFails("deepseek.retry.initial-backoff", "0s", (p) -> LibrarySettings.retrySettings(deepSeek(p)));
		assertFails("deepseek.retry.multiplier", "0.5", (p) -> LibrarySettings.retrySettings(deepSeek(p)));
		assertFails("deepseek.retry.max-backoff", "100ms", (p) -> LibrarySettings.retrySettings(deepSeek(p)));
		assertFails("deepseek.retry.max-retry-after", "0s", (p) -> LibrarySettings.retrySettings(deepSeek(p)));
		assertFails("deepseek.timeouts.connect", "0s", (p) -> LibrarySettings.timeouts(deepSeek(p)));
		assertFails("deepseek.timeouts.pre-inference", "0s", (p) -> LibrarySettings.timeouts(deepSeek(p)));
		assertFails("deepseek.timeouts.idle", "-1s", (p) -> LibrarySettings.timeouts(deepSeek(p)));
		assertFails("deepseek.response.max-event-size", "0B", (p) -> LibrarySettings.responseLimits(deepSeek(p)));
		assertFails("deepseek.response.max-body-size", "3GB", (p) -> LibrarySettings.responseLimits(deepSeek(p)));
	}

	@Test
	void invalidDistributedSettingsNameTheirProperty() {
		assertFails("deepseek.distributed.lease-time", "100ms", this::redisSettings);
		assertFails("deepseek.distributed.command-timeout", "30s", this::redisSettings);
		assertFails("deepseek.distributed.expected-replicas", "0", this::redisSettings);
		assertFails("deepseek.distributed.namespace", "a b", this::redisSettings);
	}

	private void limiterConfig(Map<String, String> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		LibrarySettings.limiterConfig(binder.bindOrCreate("deepseek", DeepSeekProperties.class),
				binder.bindOrCreate("deepseek", DeepSeekTenantProperties.class));
	}

	private void redisSettings(Map<String, String> properties) {
		DeepSeekDistributedProperties distributed = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("deepseek.distributed", DeepSeekDistributedProperties.class);
		RedisPermitsSettings.NamespaceSource source = (distributed.getNamespace() != null)
				? RedisPermitsSettings.NamespaceSource.NAMESPACE : RedisPermitsSettings.NamespaceSource.ACCOUNT;
		LibrarySettings.redisPermitsSettings(distributed, source,
				(distributed.getNamespace() != null) ? distributed.getNamespace() : "deepseek:acme");
	}

	private static DeepSeekProperties deepSeek(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("deepseek",
				DeepSeekProperties.class);
	}

	private void assertLimitsFail(String property, String value) {
		assertFails(property, value, this::limiterConfig);
	}

	private static void assertFails(String property, String value, Consumer<Map<String, String>> mapping) {
		assertFails(Map.of(property, value), property, mapping);
	}

	private static void assertFails(Map<String, String> properties, String property,
			Consumer<Map<String, String>> mapping) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> mapping.accept(properties))
			.satisfies((ex) -> assertThat(ex.getName()).as("property named for %s", properties).isEqualTo(property));
	}

}
