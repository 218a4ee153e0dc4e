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

import java.util.List;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.identity.AuthorityTierExtractor;
import io.github.deepseekstarter.identity.ConfiguredTenantPolicy;
import io.github.deepseekstarter.identity.ReactiveSecurityContextUserIdResolver;
import io.github.deepseekstarter.identity.SecurityContextHolderUserIdResolver;
import io.github.deepseekstarter.identity.TenantExtractor;
import io.github.deepseekstarter.identity.TenantSource;
import io.github.deepseekstarter.identity.UserIdResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * Takes the tenant of each DeepSeek call from Spring Security: first the Reactor context
 * of a WebFlux request, then the {@code SecurityContextHolder} of a servlet thread. The
 * tenant is the principal name, or the token claim named by
 * {@code deepseek.user-id.claim}; and the tenant's tier, from the claim or the authority
 * of {@code deepseek.tenant-tier.*}.
 */
@AutoConfiguration(before = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(Authentication.class)
@EnableConfigurationProperties({ DeepSeekProperties.class, DeepSeekTenantProperties.class })
public final class DeepSeekSecurityAutoConfiguration {

	private static final String CLAIM_ACCESSOR = "org.springframework.security.oauth2.core.ClaimAccessor";

	/**
	 * The tenant policy of configuration, reading a caller's tier from the same security
	 * context as its tenant, with the tier's claim or authority instead of the tenant's.
	 */
	@Bean
	@ConditionalOnMissingBean
	ConfiguredTenantPolicy deepSeekTenantPolicy(DeepSeekTenantProperties properties) {
		DeepSeekTenantProperties.TenantTier source = properties.getTenantTier();
		TenantExtractor tier = null;
		if (source.getClaim() != null) {
			if (!ClassUtils.isPresent(CLAIM_ACCESSOR, getClass().getClassLoader())) {
				throw new InvalidConfigurationPropertyValueException("deepseek.tenant-tier.claim", source.getClaim(),
						"Reading the tier from a token claim needs spring-security-oauth2-core on the classpath (for "
								+ "example through spring-boot-starter-oauth2-resource-server); add it, or use "
								+ "deepseek.tenant-tier.authority-prefix.");
			}
			tier = TenantExtractor.claim(source.getClaim());
		}
		else if (source.getAuthorityPrefix() != null) {
			tier = new AuthorityTierExtractor(source.getAuthorityPrefix());
		}
		List<UserIdResolver> tierResolvers = (tier != null) ? List.of(new ReactiveSecurityContextUserIdResolver(tier),
				new SecurityContextHolderUserIdResolver(tier)) : List.of();
		return new ConfiguredTenantPolicy(properties.policyTenants(), properties.policyTiers(), tierResolvers,
				source.getDefaultTier());
	}

	@Bean
	@ConditionalOnMissingBean
	TenantExtractor deepSeekTenantExtractor(DeepSeekProperties properties) {
		String claim = properties.getUserId().getClaim();
		return DeepSeekPropertiesValidator.named(DeepSeekPropertyNames.USER_ID_CLAIM, claim, () -> TenantExtractor
			.of((claim != null) ? TenantSource.JWT_CLAIM : TenantSource.PRINCIPAL_NAME, claim));
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
