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

import io.github.deepseekstarter.limit.LimiterConfig;

/**
 * Builds the limiter's configuration from {@link DeepSeekProperties} and the tiers'
 * reserved shares.
 */
final class LimiterConfigs {

	private LimiterConfigs() {
	}

	static LimiterConfig from(DeepSeekProperties properties, DeepSeekTenantProperties tenants) {
		DeepSeekProperties.Limits limits = properties.getLimits();
		LimiterConfig.Builder builder = LimiterConfig.builder().clearModels();
		tenants.getTiers().forEach((tier, settings) -> {
			if (settings.getReservedShare() != null) {
				builder.reservedShare(tier, settings.getReservedShare());
			}
		});
		limits.getModels().forEach(builder::modelLimit);
		limits.getAliases().forEach(builder::alias);
		limits.getOverflow().forEach(builder::overflow);
		limits.getPerUserByModel().forEach(builder::perUser);
		return builder.defaultLimit(limits.getDefaultLimit())
			.perUser(limits.getPerUser())
			.backgroundShare(limits.getBackgroundShare())
			.decreaseFactor(limits.getAdaptive().getDecreaseFactor())
			.successesPerIncrease(limits.getAdaptive().getSuccessesPerIncrease())
			.learntLimitTtl(limits.getAdaptive().getLearntLimitTtl())
			.maxIdleTenants(limits.getMaxIdleTenants())
			.maxQueueSize(properties.getQueue().getMaxSize())
			.maxWait(properties.getQueue().getMaxWait())
			.build();
	}

}
