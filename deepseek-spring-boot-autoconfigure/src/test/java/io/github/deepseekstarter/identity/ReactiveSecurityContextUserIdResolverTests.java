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

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

class ReactiveSecurityContextUserIdResolverTests {

	private final UserIdResolver byName = new ReactiveSecurityContextUserIdResolver(TenantExtractor.principalName());

	private final UserIdResolver byClaim = new ReactiveSecurityContextUserIdResolver(
			TenantExtractor.claim("tenant_id"));

	@Test
	void resolvesThePrincipalNameFromTheReactorContext() {
		StepVerifier.create(this.byName.resolve().contextWrite(as(Callers.user("alice"))))
			.expectNext("alice")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void resolvesTheTenantClaimOfAJwt() {
		StepVerifier.create(this.byClaim.resolve().contextWrite(as(Callers.jwt("alice", "acme"))))
			.expectNext("acme")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void resolvesNothingWhenTheJwtLacksTheClaim() {
		StepVerifier.create(this.byClaim.resolve().contextWrite(as(Callers.jwt("alice", null))))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void ignoresAnonymousAuthentication() {
		StepVerifier.create(this.byName.resolve().contextWrite(as(Callers.anonymous())))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void ignoresUnauthenticatedAuthentication() {
		StepVerifier.create(this.byName.resolve().contextWrite(as(Callers.unauthenticated("mallory"))))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void resolvesNothingWithoutASecurityContext() {
		StepVerifier.create(this.byName.resolve()).expectComplete().verify(TIMEOUT);
	}

	private static Context as(Authentication authentication) {
		return ReactiveSecurityContextHolder.withAuthentication(authentication);
	}

}
