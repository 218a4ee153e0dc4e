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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Real Spring Security authentications of the kinds applications hold.
 */
final class Callers {

	private Callers() {
	}

	static Authentication user(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				AuthorityUtils.createAuthorityList("ROLE_USER"));
	}

	static Authentication jwt(String subject, @Nullable Object tenant) {
		Jwt.Builder builder = Jwt.withTokenValue("token-of-" + subject).header("alg", "RS256").subject(subject);
		if (tenant != null) {
			builder.claim("tenant_id", tenant);
		}
		return new JwtAuthenticationToken(builder.build(), List.of(new SimpleGrantedAuthority("SCOPE_chat")));
	}

	static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	static Authentication unauthenticated(String name) {
		return new TestingAuthenticationToken(name, "n/a");
	}

}
