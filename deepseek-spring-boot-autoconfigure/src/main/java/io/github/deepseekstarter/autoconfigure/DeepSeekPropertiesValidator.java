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
import java.time.Duration;
import java.util.function.Supplier;

import io.github.deepseekstarter.DeepSeekModels;
import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Checks {@link DeepSeekProperties} at startup so that a mistake fails fast with the name
 * of the property to fix, never with the value of a secret.
 */
final class DeepSeekPropertiesValidator {

	private DeepSeekPropertiesValidator() {
	}

	static void validate(DeepSeekProperties properties) {
		if (!StringUtils.hasText(properties.getApiKey())) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.API_KEY, "",
					"The DeepSeek API key is missing. Set deepseek.api-key (for example from the DEEPSEEK_API_KEY "
							+ "environment variable), or point deepseek.base-url at the emulator in tests.");
		}
		validateBaseUrl(properties.getBaseUrl());
		if (!StringUtils.hasText(properties.getModel())) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.MODEL, properties.getModel(),
					"The default model must not be empty, for example " + DeepSeekModels.FLASH + ".");
		}
		Integer maxConnections = properties.getPool().getMaxConnections();
		if (maxConnections != null && maxConnections <= 0) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.POOL_MAX_CONNECTIONS,
					maxConnections,
					"The pool needs at least one connection; leave it unset to size it from the model limits.");
		}
		if (properties.getPool().getPendingAcquireMaxCount() < 0) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.POOL_PENDING_ACQUIRE_MAX_COUNT,
					properties.getPool().getPendingAcquireMaxCount(), "Must be zero or more.");
		}
		positive(DeepSeekPropertyNames.POOL_PENDING_ACQUIRE_TIMEOUT, properties.getPool().getPendingAcquireTimeout());
		validateUserId(properties.getUserId());
	}

	/**
	 * The user-id rules are the identity types' own: they are checked here by building
	 * the policy and the anonymous strategy, so that startup fails naming the property.
	 */
	private static void validateUserId(DeepSeekProperties.UserId userId) {
		String secret = userId.getSecret();
		UserIdPolicy policy = named(DeepSeekPropertyNames.USER_ID_SECRET, StringUtils.hasText(secret) ? "******" : "",
				() -> UserIdPolicy.of(userId.getPolicy(), secret));
		named(DeepSeekPropertyNames.USER_ID_ANONYMOUS_ID, userId.getAnonymousId(),
				() -> AnonymousUserIdStrategy.of(userId.getAnonymous(), userId.getAnonymousId(), policy));
	}

	/**
	 * Builds a library type from a property, turning the type's own validation error into
	 * a failure that names the property.
	 * @param <T> the type built
	 * @param property the property the value comes from
	 * @param shownValue the value as the failure may show it (masked for a secret)
	 * @param settings builds the type
	 * @return what was built
	 */
	static <T> T named(String property, @Nullable Object shownValue, Supplier<T> settings) {
		try {
			return settings.get();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, shownValue, ex.getMessage());
		}
	}

	private static void validateBaseUrl(@Nullable URI baseUrl) {
		if (baseUrl == null || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.BASE_URL, baseUrl,
					"The base URL must be an absolute http or https URL such as https://api.deepseek.com.");
		}
		if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
			throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.BASE_URL, baseUrl,
					"The base URL must not carry a query or a fragment.");
		}
	}

	static void positive(String property, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Must be a positive duration.");
		}
	}

}
