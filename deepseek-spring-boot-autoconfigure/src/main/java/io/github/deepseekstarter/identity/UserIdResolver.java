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

/**
 * Finds the identity of the caller (the tenant) on whose behalf a DeepSeek request is
 * made. The identity is raw: a {@link UserIdPolicy} turns it into the wire
 * {@code user_id}.
 */
@FunctionalInterface
public interface UserIdResolver {

	/**
	 * Resolve the identity of the current caller.
	 * @return a {@link Mono} emitting the raw identity, or completing empty when this
	 * resolver does not know the caller
	 */
	Mono<String> resolve();

}
