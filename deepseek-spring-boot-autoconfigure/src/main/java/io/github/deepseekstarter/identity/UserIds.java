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

import java.nio.charset.StandardCharsets;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import org.jspecify.annotations.Nullable;

/**
 * The wire rules DeepSeek enforces on a {@code user_id}: it matches {@value #PATTERN} and
 * is at most {@value #MAX_BYTES} bytes in UTF-8. Stateless and safe to call from any
 * thread.
 */
public final class UserIds {

	/**
	 * The pattern every {@code user_id} must match.
	 */
	public static final String PATTERN = "^[a-zA-Z0-9_-]+$";

	/**
	 * The maximum length of a {@code user_id} in UTF-8 bytes.
	 */
	public static final int MAX_BYTES = 512;

	private static final int MASK_VISIBLE_CODE_POINTS = 2;

	private static final int MASK_MIN_CODE_POINTS = 5;

	private UserIds() {
	}

	/**
	 * Return whether the given value is a valid wire {@code user_id}.
	 * @param userId the value to check, may be {@code null}
	 * @return {@code true} if the value matches {@value #PATTERN} and fits in
	 * {@value #MAX_BYTES} bytes
	 */
	public static boolean isValid(@Nullable String userId) {
		return userId != null && problem(userId) == null;
	}

	/**
	 * Check that the given value is a valid wire {@code user_id}.
	 * @param userId the value to check
	 * @return the value itself, for chaining
	 * @throws InvalidUserIdException if the value is empty, does not match
	 * {@value #PATTERN}, or is longer than {@value #MAX_BYTES} bytes; the message shows
	 * the value masked
	 */
	public static String validate(String userId) {
		String problem = problem(userId);
		if (problem != null) {
			throw new InvalidUserIdException(
					"user_id " + mask(userId) + " " + problem + "; DeepSeek answers such a request with HTTP 400. Set "
							+ DeepSeekPropertyNames.USER_ID_POLICY + "=hmac to send a pseudonym that always fits");
		}
		return userId;
	}

	/**
	 * Describe a value without revealing it: its first two characters and its length, or
	 * only its length when it is too short for that to hide anything.
	 * @param value the value to describe
	 * @return a masked description such as {@code 'al...' (17 characters)}
	 */
	public static String mask(String value) {
		int length = value.codePointCount(0, value.length());
		if (length < MASK_MIN_CODE_POINTS) {
			return "(" + length + " characters)";
		}
		return "'" + value.substring(0, value.offsetByCodePoints(0, MASK_VISIBLE_CODE_POINTS)) + "...' (" + length
				+ " characters)";
	}

	static @Nullable String problem(String userId) {
		if (userId.isEmpty()) {
			return "is empty";
		}
		int bytes = userId.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			return "is " + bytes + " bytes long, over the limit of " + MAX_BYTES + " bytes";
		}
		for (int i = 0; i < userId.length(); i++) {
			if (!isAllowed(userId.charAt(i))) {
				return "does not match " + PATTERN;
			}
		}
		return null;
	}

	private static boolean isAllowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

}
