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

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;

/**
 * The rule both Spring Security resolvers share: only an authenticated, non-anonymous
 * caller has an identity, and a blank one counts as none.
 */
final class AuthenticatedIdentity {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private AuthenticatedIdentity() {
	}

	static @Nullable String of(@Nullable Authentication authentication, TenantExtractor extractor) {
		if (authentication == null || !TRUST.isAuthenticated(authentication)) {
			return null;
		}
		String identity = extractor.extract(authentication);
		return (identity != null && !identity.isBlank()) ? identity : null;
	}

}
