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
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * A {@link TenantExtractor} that reads one claim of the caller's token: a JWT claim
 * (resource servers: the principal is a {@code Jwt}), an OIDC claim (OAuth2 login), or an
 * attribute of an introspected opaque token. A string or number claim is the identity.
 * <p>
 * A caller without the claim (a token that lacks it, or a principal that is not a token)
 * has no identity: the anonymous strategy decides, and {@code reject} makes the gap
 * visible. Falling back to the principal name is deliberately not done, because a user
 * named like a tenant would then share that tenant's {@code user_id}.
 */
public final class ClaimTenantExtractor implements TenantExtractor {

	static final String CLAIM_ACCESSOR = "org.springframework.security.oauth2.core.ClaimAccessor";

	private final String claimName;

	/**
	 * Create an extractor for the given claim.
	 * @param claimName the claim that holds the tenant, such as {@code tenant_id}
	 */
	public ClaimTenantExtractor(String claimName) {
		if (claimName.isBlank()) {
			throw new IllegalArgumentException(DeepSeekPropertyNames.USER_ID_CLAIM + " must not be blank");
		}
		this.claimName = claimName;
	}

	@Override
	public @Nullable String extract(Authentication authentication) {
		Object principal = authentication.getPrincipal();
		if (principal instanceof ClaimAccessor token) {
			return scalar(token.getClaims().get(this.claimName));
		}
		if (principal instanceof OAuth2AuthenticatedPrincipal introspected) {
			return scalar(introspected.getAttributes().get(this.claimName));
		}
		return null;
	}

	// Lists and objects are not one tenant, so they count as a missing claim.
	private static @Nullable String scalar(@Nullable Object value) {
		if (value instanceof CharSequence || value instanceof Number) {
			return value.toString();
		}
		return null;
	}

	@Override
	public String toString() {
		return "ClaimTenantExtractor[" + this.claimName + "]";
	}

}
