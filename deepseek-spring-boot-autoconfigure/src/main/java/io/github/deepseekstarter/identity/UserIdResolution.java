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

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.TenantTerms;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Decides the wire {@code user_id} of each request: the explicit id set on the request if
 * any, else the first identity found by the resolvers in order, else the anonymous
 * strategy. Resolved identities go through the {@link UserIdPolicy}; an explicit id is
 * already a wire id and is sent as given, never pseudonymized again. Every result is
 * checked against {@link UserIds#validate(String)} so that nothing DeepSeek would refuse
 * is sent.
 * <p>
 * An explicit id must be the signed-in caller's own wire id, unless overrides are
 * allowed: an application that binds client JSON into a request would otherwise let one
 * tenant send another's id and take its tenant lane and DeepSeek's isolation.
 * <p>
 * Resolvers bound to a thread-local (such as {@code SecurityContextHolder}) read it when
 * the returned {@link Mono} is subscribed. A caller that subscribes on its own thread
 * ({@code block()}) is found as long as nothing before the resolution moves the
 * subscription to another thread and the resolvers ahead of the thread-bound one answer
 * on the subscribing thread, as the built-in ones do. A blocking facade should not rely
 * on that: it calls {@link #captureCaller()} on the caller's thread and writes the result
 * into the pipeline's context, which holds wherever the pipeline is subscribed:
 * <pre class="code">
 * Function&lt;Context, Context&gt; caller = resolution.captureCaller();
 * return resolution.userId(request.userId())
 * 	.map((userId) -&gt; request.withUserId(userId))
 * 	.defaultIfEmpty(request)
 * 	.flatMap(this::send)
 * 	.contextWrite(caller)
 * 	.block();
 * </pre>
 */
public final class UserIdResolution {

	private final UserIdPolicy policy;

	private final List<UserIdResolver> resolvers;

	private final AnonymousUserIdStrategy anonymous;

	private final boolean allowOverride;

	private final TenantPolicy tenants;

	/**
	 * Create a resolution that rejects an explicit id other than the signed-in caller's.
	 * @param policy the policy that turns identities into wire ids
	 * @param resolvers the resolvers to ask, in order; the first non-empty answer wins
	 * @param anonymous the strategy for callers without an identity
	 */
	public UserIdResolution(UserIdPolicy policy, List<? extends UserIdResolver> resolvers,
			AnonymousUserIdStrategy anonymous) {
		this(policy, resolvers, anonymous, false);
	}

	/**
	 * Create a resolution.
	 * @param policy the policy that turns identities into wire ids
	 * @param resolvers the resolvers to ask, in order; the first non-empty answer wins
	 * @param anonymous the strategy for callers without an identity
	 * @param allowOverride whether an explicit id may differ from the signed-in caller's
	 */
	public UserIdResolution(UserIdPolicy policy, List<? extends UserIdResolver> resolvers,
			AnonymousUserIdStrategy anonymous, boolean allowOverride) {
		this(policy, resolvers, anonymous, allowOverride, TenantPolicy.NONE);
	}

	/**
	 * Create a resolution that also resolves what each caller's tenant is entitled to.
	 * @param policy the policy that turns identities into wire ids
	 * @param resolvers the resolvers to ask, in order; the first non-empty answer wins
	 * @param anonymous the strategy for callers without an identity
	 * @param allowOverride whether an explicit id may differ from the signed-in caller's
	 * @param tenants the policy that gives a caller's identity its terms
	 */
	public UserIdResolution(UserIdPolicy policy, List<? extends UserIdResolver> resolvers,
			AnonymousUserIdStrategy anonymous, boolean allowOverride, TenantPolicy tenants) {
		this.tenants = tenants;
		this.policy = policy;
		this.resolvers = List.copyOf(resolvers);
		this.anonymous = anonymous;
		this.allowOverride = allowOverride;
	}

	/**
	 * Decide the wire {@code user_id} of a request.
	 * @param explicitId the id set on the request, or {@code null} to resolve the caller
	 * @return a {@link Mono} emitting the wire-ready {@code user_id}, completing empty
	 * when no {@code user_id} should be sent, or failing with an
	 * {@link InvalidUserIdException} when the request must not be sent
	 */
	public Mono<String> userId(@Nullable String explicitId) {
		if (explicitId != null) {
			// Validated as the raw policy does, so personal-looking ids are refused too.
			Mono<String> valid = Mono.fromCallable(() -> RawUserIdPolicy.INSTANCE.toUserId(explicitId));
			return this.allowOverride ? valid : valid.flatMap(this::callersOwn);
		}
		return caller().map(this::toUserId).switchIfEmpty(Mono.defer(this.anonymous::userId).map(UserIds::validate));
	}

	/**
	 * Decide the wire {@code user_id} of a request as {@link #userId(String)} does, and
	 * the terms of its tenant from the same identity.
	 * @param explicitId the id set on the request, or {@code null} to resolve the caller
	 * @return a {@link Mono} emitting the caller, or failing with an
	 * {@link InvalidUserIdException} when the request must not be sent
	 */
	public Mono<Caller> resolveCaller(@Nullable String explicitId) {
		if (explicitId != null) {
			return userId(explicitId).flatMap((userId) -> withTerms(userId, explicitId));
		}
		if (this.resolvers.isEmpty()) {
			// Nothing to ask (an application without Spring Security): no search to
			// build.
			return anonymousCaller();
		}
		return caller().flatMap((identity) -> withTerms(toUserId(identity), identity))
			.switchIfEmpty(Mono.defer(this::anonymousCaller));
	}

	private Mono<Caller> anonymousCaller() {
		return Mono.defer(this.anonymous::userId)
			.map(UserIds::validate)
			.flatMap((userId) -> withTerms(userId, null))
			.switchIfEmpty(Mono.defer(() -> withTerms(null, null)));
	}

	private Mono<Caller> withTerms(@Nullable String userId, @Nullable String identity) {
		if (this.tenants == TenantPolicy.NONE) {
			return Mono.just(new Caller(userId, TenantTerms.DEFAULT));
		}
		return this.tenants.terms(identity)
			.defaultIfEmpty(TenantTerms.DEFAULT)
			.map((terms) -> new Caller(userId, terms));
	}

	private Mono<String> caller() {
		return Flux.fromIterable(this.resolvers)
			.concatMap((resolver) -> Mono.defer(resolver::resolve).filter((identity) -> !identity.isBlank()))
			.next();
	}

	private Mono<String> callersOwn(String explicitId) {
		return caller().map(this::toUserId).map((callerId) -> {
			if (!callerId.equals(explicitId)) {
				throw new InvalidUserIdException("The request's user_id " + UserIds.mask(explicitId)
						+ " is not the signed-in caller's, so it would run in another tenant's lane; send the request"
						+ " without a user_id to use the caller's, or set "
						+ DeepSeekPropertyNames.USER_ID_ALLOW_OVERRIDE + "=true if requests may choose their user_id");
			}
			return explicitId;
		}).defaultIfEmpty(explicitId);
	}

	/**
	 * Capture, on the calling thread, the identity that thread-bound resolvers would
	 * read, for a pipeline that may be subscribed on another thread:
	 * {@code pipeline.contextWrite(resolution.captureCaller())}, called where the request
	 * is made.
	 * @return the function to pass to {@code contextWrite}; it holds what the calling
	 * thread knew when this method was called
	 */
	public Function<Context, Context> captureCaller() {
		Function<Context, Context> capture = this.tenants.captureCaller();
		for (UserIdResolver resolver : this.resolvers) {
			if (resolver instanceof ThreadBoundUserIdResolver threadBound) {
				capture = capture.andThen(threadBound.captureCaller());
			}
		}
		return capture;
	}

	private String toUserId(String identity) {
		return UserIds.validate(this.policy.toUserId(identity));
	}

	@Override
	public String toString() {
		return "UserIdResolution[policy=" + this.policy + ", resolvers=" + this.resolvers + ", allowOverride="
				+ this.allowOverride + ", tenants=" + this.tenants + "]";
	}

}
