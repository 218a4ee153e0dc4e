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

import org.jspecify.annotations.Nullable;

/**
 * Turns a caller's identity into the {@code user_id} sent to DeepSeek. Every resolved
 * identity goes through the policy, so that nothing raw leaves the process unless the
 * policy is {@link #raw()}; an explicit id set on a request is already a wire id and is
 * only validated. Implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface UserIdPolicy {

	/**
	 * The shortest HMAC secret accepted, in UTF-8 bytes: the length of an HMAC-SHA256
	 * output.
	 */
	int MIN_HMAC_SECRET_BYTES = 32;

	/**
	 * Turn an identity into a wire {@code user_id}.
	 * @param identity the caller's identity
	 * @return a value that satisfies {@link UserIds#validate(String)}
	 * @throws InvalidUserIdException if the identity cannot be used under this policy
	 */
	String toUserId(String identity);

	/**
	 * Return the policy that sends an HMAC-SHA256 pseudonym of the identity, encoded
	 * base64url without padding (43 characters). The same secret and identity give the
	 * same id across restarts and replicas. Use a random secret of at least 32 bytes:
	 * identities are easy to guess, so the secret is what keeps them private.
	 * @param secret the HMAC key
	 * @return the policy
	 * @throws IllegalArgumentException if the secret is {@code null}, blank or shorter
	 * than {@link #MIN_HMAC_SECRET_BYTES} bytes
	 */
	static UserIdPolicy hmac(@Nullable String secret) {
		return new HmacUserIdPolicy(secret);
	}

	/**
	 * Return the policy that sends the identity itself after checking it against
	 * DeepSeek's format and rejecting values that look like an email address or a phone
	 * number.
	 * @return the policy
	 */
	static UserIdPolicy raw() {
		return RawUserIdPolicy.INSTANCE;
	}

	/**
	 * Return the policy of the given type.
	 * @param type the policy type
	 * @param secret the HMAC key, required for {@link UserIdPolicyType#HMAC} and ignored
	 * otherwise
	 * @return the policy
	 * @throws IllegalArgumentException if the type is {@code HMAC} and the secret is
	 * {@code null}, blank or too short
	 */
	static UserIdPolicy of(UserIdPolicyType type, @Nullable String secret) {
		return switch (type) {
			case HMAC -> hmac(secret);
			case RAW -> raw();
		};
	}

}
