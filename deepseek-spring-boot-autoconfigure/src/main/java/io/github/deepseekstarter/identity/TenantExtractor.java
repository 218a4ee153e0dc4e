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

package io.github.deepseekstarter.identity;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * Picks the tenant identity out of an authenticated caller. Requires Spring Security on
 * the classpath.
 */
@FunctionalInterface
public interface TenantExtractor {

	/**
	 * Return the tenant identity of the caller.
	 * @param authentication an authenticated, non-anonymous caller
	 * @return the identity, or {@code null} (or blank) when this caller has none
	 */
	@Nullable String extract(Authentication authentication);

	/**
	 * Return the extractor that uses the principal's name.
	 * @return the extractor
	 */
	static TenantExtractor principalName() {
		return Authentication::getName;
	}

	/**
	 * Return the extractor that reads the given claim of the caller's token. Requires
	 * {@code spring-security-oauth2-core} on the classpath.
	 * @param claimName the claim that holds the tenant, such as {@code tenant_id}
	 * @return the extractor
	 * @see ClaimTenantExtractor
	 */
	static TenantExtractor claim(String claimName) {
		return new ClaimTenantExtractor(claimName);
	}

	/**
	 * Return the extractor for the given source.
	 * @param source where the tenant comes from
	 * @param claimName the claim that holds the tenant, required for
	 * {@link TenantSource#JWT_CLAIM} and ignored otherwise
	 * @return the extractor
	 * @throws IllegalArgumentException if the source is {@code JWT_CLAIM} and the claim
	 * name is missing
	 * @throws IllegalStateException if the source is {@code JWT_CLAIM} and
	 * {@code spring-security-oauth2-core} is not on the classpath
	 */
	static TenantExtractor of(TenantSource source, @Nullable String claimName) {
		if (source == TenantSource.PRINCIPAL_NAME) {
			return principalName();
		}
		if (claimName == null || claimName.isBlank()) {
			throw new IllegalArgumentException("Reading the tenant from a token claim needs the claim's name: set "
					+ DeepSeekPropertyNames.USER_ID_CLAIM + ", for example to 'tenant_id'");
		}
		if (!ClassUtils.isPresent(ClaimTenantExtractor.CLAIM_ACCESSOR, TenantExtractor.class.getClassLoader())) {
			throw new IllegalStateException(
					DeepSeekPropertyNames.USER_ID_CLAIM + " reads the tenant from an OAuth2 token, which"
							+ " needs spring-security-oauth2-core on the classpath (for example through"
							+ " spring-boot-starter-oauth2-resource-server); add it, or remove "
							+ DeepSeekPropertyNames.USER_ID_CLAIM + " to use the principal name");
		}
		return claim(claimName);
	}

}
