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
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TenantExtractorTests {

	private final TenantExtractor claim = TenantExtractor.of(TenantSource.JWT_CLAIM, "tenant_id");

	@Test
	void principalNameIsTheDefaultSource() {
		TenantExtractor extractor = TenantExtractor.of(TenantSource.PRINCIPAL_NAME, null);
		assertThat(extractor.extract(Callers.user("alice"))).isEqualTo("alice");
		assertThat(extractor.extract(Callers.jwt("subject-1", "acme"))).isEqualTo("subject-1");
	}

	@Test
	void claimIsReadFromAJwt() {
		assertThat(this.claim.extract(Callers.jwt("alice", "acme"))).isEqualTo("acme");
	}

	@Test
	void numericClaimIsReadAsText() {
		assertThat(this.claim.extract(Callers.jwt("alice", 4711))).isEqualTo("4711");
	}

	@Test
	void missingClaimMeansNoIdentityRatherThanThePrincipalName() {
		assertThat(this.claim.extract(Callers.jwt("alice", null))).isNull();
	}

	@Test
	void claimThatIsAListMeansNoIdentity() {
		assertThat(this.claim.extract(Callers.jwt("alice", List.of("acme", "globex")))).isNull();
	}

	@Test
	void principalThatIsNotATokenHasNoClaim() {
		assertThat(this.claim.extract(Callers.user("alice"))).isNull();
	}

	@Test
	void claimIsReadFromAnIntrospectedOpaqueToken() {
		DefaultOAuth2AuthenticatedPrincipal principal = new DefaultOAuth2AuthenticatedPrincipal("alice",
				Map.of("tenant_id", "acme"), AuthorityUtils.createAuthorityList("SCOPE_chat"));
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "opaque", null, null);
		assertThat(this.claim.extract(new BearerTokenAuthentication(principal, token, principal.getAuthorities())))
			.isEqualTo("acme");
	}

	@Test
	void claimSourceWithoutAClaimNameFailsNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> TenantExtractor.of(TenantSource.JWT_CLAIM, " "))
			.withMessageContaining("deepseek.user-id.claim");
	}

	@Test
	void customExtractorIsAnyFunctionOfTheAuthentication() {
		TenantExtractor byDetails = (authentication) -> String.valueOf(authentication.getDetails());
		TestingAuthenticationToken caller = new TestingAuthenticationToken("alice", "n/a", "ROLE_USER");
		caller.setDetails("globex");
		assertThat(byDetails.extract(caller)).isEqualTo("globex");
	}

}
