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

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ConfiguredTenantPolicy} gives a caller the terms of its tenant and of
 * the tier its token names, read from a real Spring Security context, and that the
 * resolution resolves both from one identity.
 */
class ConfiguredTenantPolicyTests {

	private static final Map<String, TenantTerms> TIERS = Map.of("paid",
			new TenantTerms("paid", 3, new TokenBudget(0, 1_000_000)), "free",
			new TenantTerms("free", 1, new TokenBudget(10_000, 0)));

	@Test
	void tierComesFromTheAuthorityWithThePrefix() {
		TenantPolicy policy = policy(Map.of(), new AuthorityTierExtractor("TIER_"));
		Authentication caller = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
				AuthorityUtils.createAuthorityList("ROLE_USER", "TIER_paid"));
		assertThat(terms(policy, "alice", caller)).isEqualTo(TIERS.get("paid"));
	}

	@Test
	void tierComesFromTheJwtClaim() {
		TenantPolicy policy = policy(Map.of(), TenantExtractor.claim("plan"));
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("bob").claim("plan", "free").build();
		assertThat(
				terms(policy, "bob", new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("SCOPE_chat"))))
			.isEqualTo(TIERS.get("free"));
	}

	@Test
	void callerWithoutTierGetsTheDefaultTierWithWeightOne() {
		TenantPolicy policy = policy(Map.of(), new AuthorityTierExtractor("TIER_"));
		assertThat(terms(policy, "carol", Callers.user("carol")))
			.isEqualTo(new TenantTerms("basic", 1, TokenBudget.UNLIMITED));
	}

	@Test
	void tenantSettingsWinOverItsTiers() {
		TenantPolicy policy = policy(
				Map.of("acme", new ConfiguredTenantPolicy.Tenant("paid", 5, null), "globex",
						new ConfiguredTenantPolicy.Tenant(null, null, new TokenBudget(5, 0))),
				new AuthorityTierExtractor("TIER_"));
		Authentication free = UsernamePasswordAuthenticationToken.authenticated("x", "n/a",
				AuthorityUtils.createAuthorityList("TIER_free"));
		assertThat(terms(policy, "acme", free)).isEqualTo(new TenantTerms("paid", 5, new TokenBudget(0, 1_000_000)));
		assertThat(terms(policy, "globex", free)).isEqualTo(new TenantTerms("free", 1, new TokenBudget(5, 0)));
	}

	@Test
	void resolutionResolvesUserIdAndTermsFromTheSameIdentity() {
		TenantExtractor tenantClaim = TenantExtractor.claim("tenant_id");
		UserIdResolution resolution = new UserIdResolution(UserIdPolicy.raw(),
				List.of(new ReactiveSecurityContextUserIdResolver(tenantClaim)), AnonymousUserIdStrategy.none(), false,
				policy(Map.of("acme", new ConfiguredTenantPolicy.Tenant(null, 4, null)),
						TenantExtractor.claim("plan")));
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("u1")
			.claim("tenant_id", "acme")
			.claim("plan", "paid")
			.build();
		StepVerifier
			.create(resolution.resolveCaller(null)
				.contextWrite(ReactiveSecurityContextHolder.withAuthentication(
						new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("SCOPE_chat")))))
			.expectNext(new Caller("acme", new TenantTerms("paid", 4, new TokenBudget(0, 1_000_000))))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private static TenantPolicy policy(Map<String, ConfiguredTenantPolicy.Tenant> tenants, TenantExtractor tier) {
		return new ConfiguredTenantPolicy(tenants, TIERS, List.of(new ReactiveSecurityContextUserIdResolver(tier)),
				"basic");
	}

	private static TenantTerms terms(TenantPolicy policy, String identity, Authentication caller) {
		return Mono.defer(() -> policy.terms(identity))
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller))
			.block(TIMEOUT);
	}

}
