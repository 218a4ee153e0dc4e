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
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

class UserIdResolutionTests {

	private final UserIdPolicy hmac = UserIdPolicy.hmac("correct-horse-battery-staple-2026");

	private final TenantExtractor byClaim = TenantExtractor.of(TenantSource.JWT_CLAIM, "tenant_id");

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void explicitIdThatDiffersFromTheSignedInCallersIsRejected() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId("acme").contextWrite(as(Callers.user("alice"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidUserIdException.class)
				.hasMessageContaining("deepseek.user-id.allow-override")
				.hasMessageNotContaining("alice"))
			.verify(TIMEOUT);
	}

	@Test
	void explicitIdEqualToTheSignedInCallersIsSentAsGiven() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.reject());
		String alice = this.hmac.toUserId("alice");
		StepVerifier.create(resolution.userId(alice).contextWrite(as(Callers.user("alice"))))
			.expectNext(alice)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void explicitIdOverridesTheSignedInCallerWhenOverridesAreAllowed() {
		UserIdResolution resolution = new UserIdResolution(this.hmac,
				List.of(new ReactiveSecurityContextUserIdResolver(TenantExtractor.principalName())),
				AnonymousUserIdStrategy.reject(), true);
		StepVerifier.create(resolution.userId("acme").contextWrite(as(Callers.user("alice"))))
			.expectNext("acme")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void explicitIdWithoutASignedInCallerIsValidatedAndNeverRehashed() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId("acme")).expectNext("acme").expectComplete().verify(TIMEOUT);
		StepVerifier.create(resolution.userId("alice@example.com"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidUserIdException.class)
				.hasMessageNotContaining("alice@example.com"))
			.verify(TIMEOUT);
	}

	@Test
	void explicitIdIsCheckedUnderRaw() {
		UserIdResolution resolution = security(UserIdPolicy.raw(), TenantExtractor.principalName(),
				AnonymousUserIdStrategy.none());
		StepVerifier.create(resolution.userId("alice@example.com"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidUserIdException.class)
				.hasMessageContaining("email address")
				.hasMessageNotContaining("alice@example.com"))
			.verify(TIMEOUT);
	}

	@Test
	void blankExplicitIdFailsRatherThanFallingBackToTheCaller() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.none());
		StepVerifier.create(resolution.userId(" ").contextWrite(as(Callers.user("alice"))))
			.expectError(InvalidUserIdException.class)
			.verify(TIMEOUT);
	}

	@Test
	void authenticatedCallerWinsOverTheAnonymousStrategy() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.shared("anonymous", this.hmac));
		StepVerifier.create(resolution.userId(null).contextWrite(as(Callers.user("alice"))))
			.expectNext(this.hmac.toUserId("alice"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void usersOfOneTenantShareAUserIdWhenTheClaimIsConfigured() {
		UserIdResolution resolution = security(this.hmac, this.byClaim, AnonymousUserIdStrategy.reject());
		String alice = resolution.userId(null).contextWrite(as(Callers.jwt("alice", "acme"))).block(TIMEOUT);
		String bob = resolution.userId(null).contextWrite(as(Callers.jwt("bob", "acme"))).block(TIMEOUT);
		assertThat(alice).isNotNull().isEqualTo(bob).isEqualTo(this.hmac.toUserId("acme"));
	}

	@Test
	void usersOfTwoTenantsNeverShareAUserId() {
		UserIdResolution resolution = security(this.hmac, this.byClaim, AnonymousUserIdStrategy.reject());
		String acme = resolution.userId(null).contextWrite(as(Callers.jwt("alice", "acme"))).block(TIMEOUT);
		String globex = resolution.userId(null).contextWrite(as(Callers.jwt("alice", "globex"))).block(TIMEOUT);
		assertThat(acme).isNotNull().isNotEqualTo(globex);
	}

	@Test
	void usersOfOneTenantGetTheirOwnUserIdsWithThePrincipalName() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.reject());
		String alice = resolution.userId(null).contextWrite(as(Callers.jwt("alice", "acme"))).block(TIMEOUT);
		String bob = resolution.userId(null).contextWrite(as(Callers.jwt("bob", "acme"))).block(TIMEOUT);
		assertThat(alice).isNotNull().isNotEqualTo(bob);
	}

	@Test
	void tokenWithoutTheClaimIsTreatedAsAnonymous() {
		UserIdResolution resolution = security(this.hmac, this.byClaim, AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId(null).contextWrite(as(Callers.jwt("alice", null))))
			.expectError(MissingUserIdException.class)
			.verify(TIMEOUT);
	}

	@Test
	void anonymousAuthenticationFallsToTheAnonymousStrategy() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.shared("anonymous", this.hmac));
		StepVerifier.create(resolution.userId(null).contextWrite(as(Callers.anonymous())))
			.expectNext(this.hmac.toUserId("anonymous"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void anonymousCallerIsRejectedNamingTheProperty() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.of(AnonymousMode.REJECT, null, this.hmac));
		StepVerifier.create(resolution.userId(null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MissingUserIdException.class)
				.hasMessageContaining("deepseek.user-id.anonymous"))
			.verify(TIMEOUT);
	}

	@Test
	void anonymousCallerSharesTheConfiguredId() {
		UserIdResolution resolution = security(UserIdPolicy.raw(), TenantExtractor.principalName(),
				AnonymousUserIdStrategy.of(AnonymousMode.SHARED, "guests", UserIdPolicy.raw()));
		StepVerifier.create(resolution.userId(null)).expectNext("guests").expectComplete().verify(TIMEOUT);
	}

	@Test
	void anonymousCallerSendsNoUserIdUnderNone() {
		UserIdResolution resolution = security(this.hmac, TenantExtractor.principalName(),
				AnonymousUserIdStrategy.of(AnonymousMode.NONE, null, this.hmac));
		StepVerifier.create(resolution.userId(null)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void firstResolverWithAnIdentityWinsAndLaterOnesAreNotAsked() {
		List<UserIdResolver> resolvers = List.of(Mono::empty, () -> Mono.just(" "), () -> Mono.just("first"),
				() -> Mono.error(new IllegalStateException("asked although an earlier resolver answered")));
		UserIdResolution resolution = new UserIdResolution(UserIdPolicy.raw(), resolvers,
				AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId(null)).expectNext("first").expectComplete().verify(TIMEOUT);
	}

	@Test
	void reactiveContextIsAskedBeforeTheThreadLocal() {
		signIn(Callers.user("thread-user"));
		UserIdResolution resolution = new UserIdResolution(UserIdPolicy.raw(),
				List.of(new ReactiveSecurityContextUserIdResolver(TenantExtractor.principalName()),
						new SecurityContextHolderUserIdResolver(TenantExtractor.principalName())),
				AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId(null).contextWrite(as(Callers.user("reactive-user"))))
			.expectNext("reactive-user")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(resolution.userId(null)).expectNext("thread-user").expectComplete().verify(TIMEOUT);
	}

	@Test
	void blockingCallerIsResolvedOnItsOwnThread() {
		signIn(Callers.user("alice"));
		UserIdResolution resolution = servlet(TenantExtractor.principalName());
		assertThat(resolution.userId(null).block(TIMEOUT)).isEqualTo(this.hmac.toUserId("alice"));
	}

	@Test
	void capturedCallerIsResolvedOnAnotherThread() {
		signIn(Callers.user("alice"));
		UserIdResolution resolution = servlet(TenantExtractor.principalName());
		Function<Context, Context> caller = resolution.captureCaller();
		Mono<String> elsewhere = resolution.userId(null).subscribeOn(Schedulers.boundedElastic());
		StepVerifier.create(elsewhere.contextWrite(caller))
			.expectNext(this.hmac.toUserId("alice"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(elsewhere).expectError(MissingUserIdException.class).verify(TIMEOUT);
	}

	@Test
	void policyOutputThatDeepSeekWouldRefuseFailsBeforeSending() {
		UserIdResolution resolution = new UserIdResolution((identity) -> identity + "!",
				List.of(() -> Mono.just("tenant")), AnonymousUserIdStrategy.reject());
		StepVerifier.create(resolution.userId(null)).expectError(InvalidUserIdException.class).verify(TIMEOUT);
	}

	@Test
	void anonymousOutputThatDeepSeekWouldRefuseFailsBeforeSending() {
		UserIdResolution resolution = new UserIdResolution(this.hmac, List.of(), () -> Mono.just("no spaces"));
		StepVerifier.create(resolution.userId(null)).expectError(InvalidUserIdException.class).verify(TIMEOUT);
	}

	private static UserIdResolution security(UserIdPolicy policy, TenantExtractor extractor,
			AnonymousUserIdStrategy anonymous) {
		return new UserIdResolution(policy, List.of(new ReactiveSecurityContextUserIdResolver(extractor)), anonymous);
	}

	private UserIdResolution servlet(TenantExtractor extractor) {
		return new UserIdResolution(this.hmac, List.of(new SecurityContextHolderUserIdResolver(extractor)),
				AnonymousUserIdStrategy.reject());
	}

	private static Context as(Authentication authentication) {
		return ReactiveSecurityContextHolder.withAuthentication(authentication);
	}

	private static void signIn(Authentication authentication) {
		SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
	}

}
