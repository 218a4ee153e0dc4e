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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RawUserIdPolicyTests {

	private final UserIdPolicy policy = UserIdPolicy.of(UserIdPolicyType.RAW, null);

	@ParameterizedTest
	@ValueSource(strings = { "tenant-42", "acme_corp", "A", "user-1234", "123456", "9f1c2d3e-4b5a-6789" })
	void sendsValidIdentitiesAsTheyAre(String identity) {
		assertThat(this.policy.toUserId(identity)).isEqualTo(identity);
	}

	@Test
	void rejectsCharactersOutsideThePatternMasked() {
		assertThatExceptionOfType(InvalidUserIdException.class).isThrownBy(() -> this.policy.toUserId("acme corp/eu"))
			.withMessageContaining("^[a-zA-Z0-9_-]+$")
			.withMessageContaining("'ac...' (12 characters)")
			.withMessageNotContaining("acme corp");
	}

	@Test
	void rejectsIdentitiesOverMaxBytes() {
		assertThatExceptionOfType(InvalidUserIdException.class)
			.isThrownBy(() -> this.policy.toUserId("t".repeat(UserIds.MAX_BYTES + 1)))
			.withMessageContaining("513 bytes");
	}

	@Test
	void rejectsEmailAddressesAsPersonalData() {
		assertThatExceptionOfType(InvalidUserIdException.class)
			.isThrownBy(() -> this.policy.toUserId("alice.smith@example.com"))
			.withMessageContaining("email address")
			.withMessageContaining("personal data")
			.withMessageContaining("deepseek.user-id.policy=hmac")
			.withMessageContaining("'al...' (23 characters)")
			.withMessageNotContaining("alice.smith")
			.withMessageNotContaining("example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+4915112345678", "555-123-4567", "0151_1234_5678", "1234567", "(555) 123-4567" })
	void rejectsPhoneNumbersAsPersonalData(String phone) {
		assertThatExceptionOfType(InvalidUserIdException.class).isThrownBy(() -> this.policy.toUserId(phone))
			.withMessageContaining("phone number")
			.withMessageContaining("deepseek.user-id.policy=hmac")
			.withMessageContaining("tenant-")
			.withMessageNotContaining(phone);
	}

	@Test
	void acceptsNumericIdsWithALetterPrefix() {
		assertThat(this.policy.toUserId("tenant-4915112345678")).isEqualTo("tenant-4915112345678");
	}

	@Test
	void acceptsDigitRunsLongerThanAPhoneNumber() {
		assertThat(this.policy.toUserId("1234567890123456")).isEqualTo("1234567890123456");
	}

}
