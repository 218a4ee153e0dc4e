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

/**
 * A {@link UserIdPolicy} that sends the identity as it is, after checking DeepSeek's
 * format and rejecting values that look like personal data.
 */
final class RawUserIdPolicy implements UserIdPolicy {

	static final RawUserIdPolicy INSTANCE = new RawUserIdPolicy();

	private static final int PHONE_MIN_DIGITS = 7;

	private static final int PHONE_MAX_DIGITS = 15;

	private RawUserIdPolicy() {
	}

	@Override
	public String toUserId(String identity) {
		if (identity.indexOf('@') >= 0) {
			throw personalData(identity, "an email address", "");
		}
		if (looksLikePhoneNumber(identity)) {
			throw personalData(identity, "a phone number",
					", or give numeric ids a prefix that is not a digit, such as tenant-");
		}
		return UserIds.validate(identity);
	}

	/**
	 * Whether the value is 7 to 15 digits, optionally after a {@code +} and with common
	 * separators, as phone numbers are written.
	 */
	static boolean looksLikePhoneNumber(String value) {
		int start = value.startsWith("+") ? 1 : 0;
		int digits = 0;
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '(' && c != ')') {
				return false;
			}
		}
		return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
	}

	private static InvalidUserIdException personalData(String identity, String kind, String alternative) {
		return new InvalidUserIdException("user_id " + UserIds.mask(identity) + " looks like " + kind
				+ ", which is personal data that DeepSeek asks not to receive; set "
				+ DeepSeekPropertyNames.USER_ID_POLICY + "=hmac to send a pseudonym instead" + alternative);
	}

	@Override
	public String toString() {
		return "RawUserIdPolicy";
	}

}
