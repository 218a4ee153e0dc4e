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

import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityContextHolderUserIdResolverTests {

	private final SecurityContextHolderUserIdResolver resolver = new SecurityContextHolderUserIdResolver(
			TenantExtractor.principalName());

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void resolvesThePrincipalOfTheSubscribingThread() {
		signIn(Callers.user("alice"));
		StepVerifier.create(this.resolver.resolve()).expectNext("alice").expectComplete().verify(TIMEOUT);
	}

	@Test
	void readsTheThreadLocalAtSubscriptionNotAtAssembly() {
		Mono<String> assembledBeforeSignIn = this.resolver.resolve();
		signIn(Callers.user("alice"));
		StepVerifier.create(assembledBeforeSignIn).expectNext("alice").expectComplete().verify(TIMEOUT);
	}

	@Test
	void blockOnTheCallersThreadSeesTheCaller() {
		signIn(Callers.user("alice"));
		assertThat(this.resolver.resolve().block(TIMEOUT)).isEqualTo("alice");
	}

	@Test
	void resolvesTheTenantClaimOfAJwt() {
		signIn(Callers.jwt("alice", "acme"));
		UserIdResolver byClaim = new SecurityContextHolderUserIdResolver(TenantExtractor.claim("tenant_id"));
		StepVerifier.create(byClaim.resolve()).expectNext("acme").expectComplete().verify(TIMEOUT);
	}

	@Test
	void ignoresAnonymousAuthentication() {
		signIn(Callers.anonymous());
		StepVerifier.create(this.resolver.resolve()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void ignoresUnauthenticatedAuthentication() {
		signIn(Callers.unauthenticated("mallory"));
		StepVerifier.create(this.resolver.resolve()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void losesTheCallerWhenSubscribedOnAnotherThreadWithoutCapture() {
		signIn(Callers.user("alice"));
		StepVerifier.create(this.resolver.resolve().subscribeOn(Schedulers.boundedElastic()))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void capturedCallerIsFoundOnAnotherThread() {
		signIn(Callers.user("alice"));
		Function<Context, Context> captured = this.resolver.captureCaller();
		SecurityContextHolder.clearContext();
		StepVerifier.create(this.resolver.resolve().subscribeOn(Schedulers.boundedElastic()).contextWrite(captured))
			.expectNext("alice")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void captureOfNoCallerWinsOverTheSubscribingThreadsCaller() {
		Function<Context, Context> capturedNobody = this.resolver.captureCaller();
		signIn(Callers.user("mallory"));
		StepVerifier.create(this.resolver.resolve().contextWrite(capturedNobody)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void readsTheGivenStrategyInsteadOfTheGlobalHolder() {
		SecurityContextHolderStrategy strategy = new FixedStrategy(Callers.user("bob"));
		UserIdResolver withStrategy = new SecurityContextHolderUserIdResolver(TenantExtractor.principalName(),
				strategy);
		signIn(Callers.user("alice"));
		StepVerifier.create(withStrategy.resolve()).expectNext("bob").expectComplete().verify(TIMEOUT);
	}

	private static void signIn(Authentication authentication) {
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
	}

	/**
	 * A strategy that always holds one caller, as a custom holder of an application
	 * would.
	 */
	private static final class FixedStrategy implements SecurityContextHolderStrategy {

		private SecurityContext context;

		FixedStrategy(Authentication authentication) {
			this.context = new SecurityContextImpl(authentication);
		}

		@Override
		public void clearContext() {
			this.context = createEmptyContext();
		}

		@Override
		public SecurityContext getContext() {
			return this.context;
		}

		@Override
		public void setContext(SecurityContext context) {
			this.context = context;
		}

		@Override
		public SecurityContext createEmptyContext() {
			return new SecurityContextImpl();
		}

	}

}
