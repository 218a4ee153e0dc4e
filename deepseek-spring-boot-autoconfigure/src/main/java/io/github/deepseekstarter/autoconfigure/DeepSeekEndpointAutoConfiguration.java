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

import io.github.deepseekstarter.actuate.DeepSeekEndpoint;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.observability.TenantCostBoard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code deepseek} actuator endpoint, present when it is
 * exposed ({@code management.endpoints.web.exposure.include=deepseek}).
 */
@AutoConfiguration(after = { DeepSeekAutoConfiguration.class, DeepSeekMetricsAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ DeepSeekLimiter.class, DeepSeekProperties.class })
@ConditionalOnAvailableEndpoint(DeepSeekEndpoint.class)
public final class DeepSeekEndpointAutoConfiguration {

	private static final int BUSIEST_TENANTS = 10;

	@Bean
	@ConditionalOnMissingBean
	DeepSeekEndpoint deepSeekEndpoint(DeepSeekLimiter limiter, DeepSeekProperties properties,
			ObjectProvider<TenantCostBoard> tenantCosts) {
		return new DeepSeekEndpoint(limiter, () -> RedactedConfiguration.of(properties), BUSIEST_TENANTS,
				tenantCosts.getIfAvailable());
	}

}
