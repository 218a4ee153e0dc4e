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

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A {@link UserIdResolver} that reads the caller from Spring Security's
 * {@link SecurityContextHolder}, as servlet applications hold it: a thread-local of the
 * request's thread. Anonymous and unauthenticated callers have no identity.
 * <p>
 * The thread-local is read when {@link #resolve()} is subscribed, unless
 * {@link #captureCaller()} wrote the caller into the Reactor context first, in which case
 * that capture wins (even when it found no caller). A blocking call that subscribes on
 * the request's thread needs no capture; a pipeline that may subscribe on another thread
 * must capture on the request's thread.
 */
public final class SecurityContextHolderUserIdResolver implements ThreadBoundUserIdResolver {

	// A key of its own per resolver, so that resolvers with different extractors never
	// read each other's capture.
	private final Object capturedKey = new Object();

	private final TenantExtractor extractor;

	private final @Nullable SecurityContextHolderStrategy strategy;

	/**
	 * Create a resolver that reads the holder's current strategy at each call.
	 * @param extractor picks the tenant out of the authenticated caller
	 */
	public SecurityContextHolderUserIdResolver(TenantExtractor extractor) {
		this.extractor = extractor;
		this.strategy = null;
	}

	/**
	 * Create a resolver that reads the given strategy.
	 * @param extractor picks the tenant out of the authenticated caller
	 * @param strategy the strategy that holds the security context
	 */
	public SecurityContextHolderUserIdResolver(TenantExtractor extractor, SecurityContextHolderStrategy strategy) {
		this.extractor = extractor;
		this.strategy = strategy;
	}

	@Override
	public Mono<String> resolve() {
		return Mono.deferContextual((context) -> {
			Optional<String> captured = context.getOrDefault(this.capturedKey, null);
			return Mono.justOrEmpty((captured != null) ? captured : Optional.ofNullable(currentIdentity()));
		});
	}

	@Override
	public Function<Context, Context> captureCaller() {
		Optional<String> captured = Optional.ofNullable(currentIdentity());
		return (context) -> context.put(this.capturedKey, captured);
	}

	private @Nullable String currentIdentity() {
		SecurityContextHolderStrategy holder = (this.strategy != null) ? this.strategy
				: SecurityContextHolder.getContextHolderStrategy();
		return AuthenticatedIdentity.of(holder.getContext().getAuthentication(), this.extractor);
	}

	@Override
	public String toString() {
		return "SecurityContextHolderUserIdResolver[" + this.extractor + "]";
	}

}
