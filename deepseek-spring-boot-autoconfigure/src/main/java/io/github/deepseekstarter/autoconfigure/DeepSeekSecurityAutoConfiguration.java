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

import io.github.deepseekstarter.identity.ReactiveSecurityContextUserIdResolver;
import io.github.deepseekstarter.identity.SecurityContextHolderUserIdResolver;
import io.github.deepseekstarter.identity.TenantExtractor;
import io.github.deepseekstarter.identity.TenantSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;

/**
 * Takes the tenant of each DeepSeek call from Spring Security: first the Reactor context
 * of a WebFlux request, then the {@code SecurityContextHolder} of a servlet thread. The
 * tenant is the principal name, or the token claim named by
 * {@code deepseek.user-id.claim}.
 */
@AutoConfiguration(before = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(Authentication.class)
@EnableConfigurationProperties(DeepSeekProperties.class)
public final class DeepSeekSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantExtractor deepSeekTenantExtractor(DeepSeekProperties properties) {
		String claim = properties.getUserId().getClaim();
		return TenantExtractor.of((claim != null) ? TenantSource.JWT_CLAIM : TenantSource.PRINCIPAL_NAME, claim);
	}

	@Bean
	@Order(0)
	@ConditionalOnMissingBean
	ReactiveSecurityContextUserIdResolver deepSeekReactiveSecurityContextUserIdResolver(TenantExtractor tenant) {
		return new ReactiveSecurityContextUserIdResolver(tenant);
	}

	@Bean
	@Order(1)
	@ConditionalOnMissingBean
	SecurityContextHolderUserIdResolver deepSeekSecurityContextHolderUserIdResolver(TenantExtractor tenant) {
		return new SecurityContextHolderUserIdResolver(tenant);
	}

}
