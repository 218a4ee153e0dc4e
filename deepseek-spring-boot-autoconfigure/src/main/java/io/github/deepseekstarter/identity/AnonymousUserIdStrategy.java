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

import io.github.deepseekstarter.DeepSeekPropertyNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides the {@code user_id} of a request whose caller has no identity: no explicit id
 * was set and no {@link UserIdResolver} found one.
 */
@FunctionalInterface
public interface AnonymousUserIdStrategy {

	/**
	 * Decide the {@code user_id} for an anonymous caller.
	 * @return a {@link Mono} emitting the wire-ready {@code user_id}, completing empty to
	 * send none, or failing to refuse the request
	 */
	Mono<String> userId();

	/**
	 * Return the strategy that refuses anonymous requests with a
	 * {@link MissingUserIdException} naming the properties to change.
	 * @return the strategy
	 */
	static AnonymousUserIdStrategy reject() {
		return () -> Mono.error(() -> new MissingUserIdException(
				"No user_id for this request: none was set on the request and no authenticated caller was found."
						+ " Set a user id on the request, authenticate the caller, or change "
						+ DeepSeekPropertyNames.USER_ID_ANONYMOUS + " to 'shared' (with "
						+ DeepSeekPropertyNames.USER_ID_ANONYMOUS_ID + ") or 'none'"));
	}

	/**
	 * Return the strategy that sends no {@code user_id} for anonymous requests.
	 * @return the strategy
	 */
	static AnonymousUserIdStrategy none() {
		return Mono::empty;
	}

	/**
	 * Return the strategy that sends one shared id for every anonymous caller. The id
	 * goes through the policy like any other identity, once, here.
	 * @param sharedId the identity shared by anonymous callers
	 * @param policy the policy that turns it into the wire {@code user_id}
	 * @return the strategy
	 * @throws IllegalArgumentException if the shared id is missing or invalid under the
	 * policy
	 */
	static AnonymousUserIdStrategy shared(@Nullable String sharedId, UserIdPolicy policy) {
		if (sharedId == null || sharedId.isBlank()) {
			throw new IllegalArgumentException(
					DeepSeekPropertyNames.USER_ID_ANONYMOUS + "=shared needs the id to share: set "
							+ DeepSeekPropertyNames.USER_ID_ANONYMOUS_ID + ", for example to 'anonymous'");
		}
		String userId;
		try {
			userId = UserIds.validate(policy.toUserId(sharedId));
		}
		catch (InvalidUserIdException ex) {
			throw new IllegalArgumentException(DeepSeekPropertyNames.USER_ID_ANONYMOUS_ID
					+ " is not valid under the user id policy: " + ex.getMessage(), ex);
		}
		Mono<String> result = Mono.just(userId);
		return () -> result;
	}

	/**
	 * Return the strategy for the given mode.
	 * @param mode the anonymous mode
	 * @param sharedId the identity shared by anonymous callers, required for
	 * {@link AnonymousMode#SHARED} and ignored otherwise
	 * @param policy the policy that turns the shared id into the wire {@code user_id}
	 * @return the strategy
	 * @throws IllegalArgumentException if the mode is {@code SHARED} and the shared id is
	 * missing or invalid under the policy
	 */
	static AnonymousUserIdStrategy of(AnonymousMode mode, @Nullable String sharedId, UserIdPolicy policy) {
		return switch (mode) {
			case REJECT -> reject();
			case SHARED -> shared(sharedId, policy);
			case NONE -> none();
		};
	}

}
