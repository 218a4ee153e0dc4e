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
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.deepseekstarter.identity.AnonymousMode;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdPolicyType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks {@link DeepSeekProperties} at startup so that a mistake fails fast with the name
 * of the property to fix, never with the value of a secret.
 */
final class DeepSeekPropertiesValidator {

	private DeepSeekPropertiesValidator() {
	}

	static void validate(DeepSeekProperties properties) {
		if (!StringUtils.hasText(properties.getApiKey())) {
			throw new InvalidConfigurationPropertyValueException("deepseek.api-key", "",
					"The DeepSeek API key is missing. Set deepseek.api-key (for example from the DEEPSEEK_API_KEY "
							+ "environment variable), or point deepseek.base-url at the emulator in tests.");
		}
		validateBaseUrl(properties.getBaseUrl());
		if (!StringUtils.hasText(properties.getModel())) {
			throw new InvalidConfigurationPropertyValueException("deepseek.model", properties.getModel(),
					"The default model must not be empty, for example deepseek-v4-flash.");
		}
		positive("deepseek.timeouts.connect", properties.getTimeouts().getConnect());
		positive("deepseek.timeouts.pre-inference", properties.getTimeouts().getPreInference());
		positive("deepseek.timeouts.idle", properties.getTimeouts().getIdle());
		bufferSize("deepseek.response.max-event-size", properties.getResponse().getMaxEventSize());
		bufferSize("deepseek.response.max-body-size", properties.getResponse().getMaxBodySize());
		Integer maxConnections = properties.getPool().getMaxConnections();
		if (maxConnections != null && maxConnections <= 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.pool.max-connections", maxConnections,
					"The pool needs at least one connection; leave it unset to size it from the model limits.");
		}
		if (properties.getPool().getPendingAcquireMaxCount() < 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.pool.pending-acquire-max-count",
					properties.getPool().getPendingAcquireMaxCount(), "Must be zero or more.");
		}
		positive("deepseek.pool.pending-acquire-timeout", properties.getPool().getPendingAcquireTimeout());
		validateLimits(properties.getLimits());
		if (properties.getQueue().getMaxSize() < 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.queue.max-size",
					properties.getQueue().getMaxSize(),
					"Must be zero or more (0 rejects at once when a lane is full).");
		}
		if (properties.getQueue().getMaxWait() == null || properties.getQueue().getMaxWait().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("deepseek.queue.max-wait",
					properties.getQueue().getMaxWait(), "Must be zero or a positive duration.");
		}
		validateUserId(properties.getUserId());
		validateRetry(properties.getRetry());
	}

	private static void validateRetry(DeepSeekProperties.Retry retry) {
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidConfigurationPropertyValueException("deepseek.retry.max-attempts", retry.getMaxAttempts(),
					"Must be at least 1 (1 disables retries).");
		}
		positive("deepseek.retry.initial-backoff", retry.getInitialBackoff());
		positive("deepseek.retry.max-backoff", retry.getMaxBackoff());
		if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.retry.max-backoff", retry.getMaxBackoff(),
					"Must not be below deepseek.retry.initial-backoff.");
		}
		if (retry.getMultiplier() < 1.0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.retry.multiplier", retry.getMultiplier(),
					"Must be at least 1.");
		}
		positive("deepseek.retry.max-retry-after", retry.getMaxRetryAfter());
	}

	private static void validateLimits(DeepSeekProperties.Limits limits) {
		limits.getModels().forEach((model, limit) -> {
			if (limit == null || limit <= 0) {
				throw new InvalidConfigurationPropertyValueException("deepseek.limits.models." + model, limit,
						"A model's concurrency limit must be positive (DeepSeek publishes 500 for deepseek-v4-pro "
								+ "and 2500 for deepseek-v4-flash).");
			}
		});
		if (limits.getDefaultLimit() <= 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.limits.default-limit",
					limits.getDefaultLimit(), "Must be positive.");
		}
		if (limits.getPerUser() < 0) {
			throw new InvalidConfigurationPropertyValueException("deepseek.limits.per-user", limits.getPerUser(),
					"Must be zero (no cap) or positive.");
		}
		limits.getPerUserByModel().forEach((model, cap) -> {
			if (cap == null || cap < 0) {
				throw new InvalidConfigurationPropertyValueException("deepseek.limits.per-user-by-model." + model, cap,
						"Must be zero (no cap) or positive.");
			}
		});
		if (!(limits.getBackgroundShare() > 0 && limits.getBackgroundShare() <= 1)) {
			throw new InvalidConfigurationPropertyValueException("deepseek.limits.background-share",
					limits.getBackgroundShare(), "Must be above 0 and at most 1.");
		}
	}

	private static void validateUserId(DeepSeekProperties.UserId userId) {
		if (userId.getPolicy() == UserIdPolicyType.HMAC && !StringUtils.hasText(userId.getSecret())) {
			throw new InvalidConfigurationPropertyValueException("deepseek.user-id.secret", "",
					"The hmac user-id policy needs a secret to pseudonymize tenant identities. Set "
							+ "deepseek.user-id.secret (32 random bytes or more, shared by all replicas), or set "
							+ "deepseek.user-id.policy=raw to send identities as they are.");
		}
		String secret = userId.getSecret();
		int secretBytes = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8).length : 0;
		if (userId.getPolicy() == UserIdPolicyType.HMAC && secretBytes < UserIdPolicy.MIN_HMAC_SECRET_BYTES) {
			throw new InvalidConfigurationPropertyValueException("deepseek.user-id.secret", "******",
					"The HMAC-SHA256 key must be at least " + UserIdPolicy.MIN_HMAC_SECRET_BYTES + " bytes, but it is "
							+ secretBytes + ". Set deepseek.user-id.secret to a random value"
							+ " of 32 bytes or more shared by all replicas.");
		}
		if (userId.getAnonymous() == AnonymousMode.SHARED && !StringUtils.hasText(userId.getAnonymousId())) {
			throw new InvalidConfigurationPropertyValueException("deepseek.user-id.anonymous-id", "",
					"deepseek.user-id.anonymous=shared needs the shared identity in deepseek.user-id.anonymous-id.");
		}
		if (userId.getClaim() != null && userId.getClaim().isBlank()) {
			throw new InvalidConfigurationPropertyValueException("deepseek.user-id.claim", userId.getClaim(),
					"The claim name must not be blank; leave it unset to use the principal name.");
		}
	}

	private static void validateBaseUrl(@Nullable URI baseUrl) {
		if (baseUrl == null || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException("deepseek.base-url", baseUrl,
					"The base URL must be an absolute http or https URL such as https://api.deepseek.com.");
		}
		if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
			throw new InvalidConfigurationPropertyValueException("deepseek.base-url", baseUrl,
					"The base URL must not carry a query or a fragment.");
		}
	}

	private static void bufferSize(String property, @Nullable DataSize value) {
		if (value == null || value.toBytes() <= 0 || value.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Must be a positive size of at most 2GB, for example 16MB.");
		}
	}

	static void positive(String property, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Must be a positive duration.");
		}
	}

}
