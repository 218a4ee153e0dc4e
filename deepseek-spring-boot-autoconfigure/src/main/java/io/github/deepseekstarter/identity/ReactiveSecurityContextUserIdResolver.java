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

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;

/**
 * A {@link UserIdResolver} that reads the caller from Spring Security's
 * {@link ReactiveSecurityContextHolder}, that is from the Reactor context, as WebFlux
 * applications hold it. Anonymous and unauthenticated callers have no identity.
 */
public final class ReactiveSecurityContextUserIdResolver implements UserIdResolver {

	private final TenantExtractor extractor;

	/**
	 * Create a resolver.
	 * @param extractor picks the tenant out of the authenticated caller
	 */
	public ReactiveSecurityContextUserIdResolver(TenantExtractor extractor) {
		this.extractor = extractor;
	}

	@Override
	public Mono<String> resolve() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull((context) -> AuthenticatedIdentity.of(context.getAuthentication(), this.extractor));
	}

	@Override
	public String toString() {
		return "ReactiveSecurityContextUserIdResolver[" + this.extractor + "]";
	}

}
