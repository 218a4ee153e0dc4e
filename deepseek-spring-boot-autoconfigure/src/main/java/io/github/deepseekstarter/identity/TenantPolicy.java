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

import io.github.deepseekstarter.TenantTerms;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Decides what a caller is entitled to (tier, weight and token budget) from the same
 * identity its {@code user_id} comes from. The starter's default is
 * {@link ConfiguredTenantPolicy}, driven by {@code deepseek.tenants.*} and
 * {@code deepseek.tiers.*}; an application replaces it with a bean of its own, for
 * example to read a tenant's plan from its database (without blocking).
 */
@FunctionalInterface
public interface TenantPolicy {

	/**
	 * A policy that gives every caller {@link TenantTerms#DEFAULT}.
	 */
	TenantPolicy NONE = (identity) -> Mono.just(TenantTerms.DEFAULT);

	/**
	 * Resolve the terms of the current caller, on the subscription of the call (so that
	 * the Reactor context of the request is visible).
	 * @param identity the raw identity the {@code user_id} is made from (the principal's
	 * name or the tenant claim), the explicit {@code user_id} of the request when it set
	 * one, or {@code null} for a caller without identity
	 * @return the terms; empty for {@link TenantTerms#DEFAULT}
	 */
	Mono<TenantTerms> terms(@Nullable String identity);

	/**
	 * Capture what thread-bound sources of this policy would read on the calling thread,
	 * as {@link ThreadBoundUserIdResolver#captureCaller()} does.
	 * @return the function to pass to {@code contextWrite}
	 */
	default Function<Context, Context> captureCaller() {
		return Function.identity();
	}

}
