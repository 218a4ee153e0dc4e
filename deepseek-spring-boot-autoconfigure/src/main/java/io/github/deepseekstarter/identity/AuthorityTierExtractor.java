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
import org.springframework.security.core.GrantedAuthority;

/**
 * Reads a caller's tier from its granted authorities: the first authority that starts
 * with the prefix names the tier, such as {@code TIER_paid} for the tier {@code paid}.
 */
public final class AuthorityTierExtractor implements TenantExtractor {

	private final String prefix;

	/**
	 * Create an extractor for the given prefix.
	 * @param prefix the prefix of the authorities that name a tier, such as {@code TIER_}
	 */
	public AuthorityTierExtractor(String prefix) {
		if (prefix.isBlank()) {
			throw new IllegalArgumentException(
					DeepSeekPropertyNames.TENANT_TIER_AUTHORITY_PREFIX + " must not be blank");
		}
		this.prefix = prefix;
	}

	@Override
	public @Nullable String extract(Authentication authentication) {
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(this.prefix) && name.length() > this.prefix.length()) {
				return name.substring(this.prefix.length());
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "AuthorityTierExtractor[" + this.prefix + "]";
	}

}
