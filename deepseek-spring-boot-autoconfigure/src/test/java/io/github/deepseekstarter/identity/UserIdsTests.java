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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserIdsTests {

	@Test
	void acceptsLettersDigitsUnderscoresAndHyphens() {
		assertThat(UserIds.isValid("Tenant_42-eu")).isTrue();
		assertThat(UserIds.validate("Tenant_42-eu")).isEqualTo("Tenant_42-eu");
	}

	@Test
	void acceptsExactlyMaxBytes() {
		assertThat(UserIds.isValid("a".repeat(UserIds.MAX_BYTES))).isTrue();
	}

	@Test
	void rejectsOneByteOverMaxBytes() {
		assertThat(UserIds.isValid("a".repeat(UserIds.MAX_BYTES + 1))).isFalse();
		assertThatExceptionOfType(InvalidUserIdException.class)
			.isThrownBy(() -> UserIds.validate("a".repeat(UserIds.MAX_BYTES + 1)))
			.withMessageContaining("513 bytes")
			.withMessageContaining("512");
	}

	@Test
	void rejectsCharactersOutsideThePatternWithoutEchoingTheValue() {
		assertThat(UserIds.isValid("tenant 42")).isFalse();
		assertThat(UserIds.isValid("tenant.42")).isFalse();
		assertThat(UserIds.isValid("tenänt")).isFalse();
		assertThatExceptionOfType(InvalidUserIdException.class).isThrownBy(() -> UserIds.validate("secret tenant"))
			.withMessageContaining("^[a-zA-Z0-9_-]+$")
			.withMessageContaining("deepseek.user-id.policy=hmac")
			.withMessageNotContaining("secret tenant");
	}

	@Test
	void rejectsEmptyAndNull() {
		assertThat(UserIds.isValid("")).isFalse();
		assertThat(UserIds.isValid(null)).isFalse();
		assertThatExceptionOfType(InvalidUserIdException.class).isThrownBy(() -> UserIds.validate(""))
			.withMessageContaining("empty");
	}

	@Test
	void masksAllButTheFirstTwoCharacters() {
		assertThat(UserIds.mask("alice@example.com")).isEqualTo("'al...' (17 characters)");
	}

	@Test
	void masksShortValuesCompletely() {
		assertThat(UserIds.mask("bob")).isEqualTo("(3 characters)");
	}

	@Test
	void masksByCodePointSoSurrogatePairsStayWhole() {
		assertThat(UserIds.mask("😀😀secret")).isEqualTo("'😀😀...' (8 characters)");
	}

}
