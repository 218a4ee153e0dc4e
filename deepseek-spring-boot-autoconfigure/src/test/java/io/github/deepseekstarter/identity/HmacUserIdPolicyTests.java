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

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HmacUserIdPolicyTests {

	private static final String SECRET = "correct-horse-battery-staple-2026";

	private final UserIdPolicy policy = UserIdPolicy.hmac(SECRET);

	@Test
	void producesFortyThreeCharactersMatchingThePattern() {
		String userId = this.policy.toUserId("alice@example.com");
		assertThat(userId).hasSize(43).matches(UserIds.PATTERN);
		assertThat(UserIds.isValid(userId)).isTrue();
	}

	@Test
	void matchesAnIndependentlyComputedVector() {
		// printf '%s' tenant-42 | openssl dgst -sha256 -hmac
		// correct-horse-battery-staple-2026
		// -binary | openssl base64 -A | tr '+/' '-_' | tr -d '='
		assertThat(this.policy.toUserId("tenant-42")).isEqualTo("0hROA4czLaU9iVH7laRKeYyFu961TRo5YBcwA_Uj9lE");
	}

	@Test
	void hashesTheUtf8BytesOfTheIdentity() {
		// The same openssl pipeline with the UTF-8 input 'Zoë'.
		assertThat(this.policy.toUserId("Zoë")).isEqualTo("FfaoiU-3rwM1GQYL5C6DsM1RuUPV6RxfZRNyqU3BoGo");
	}

	@Test
	void isStableAcrossInstancesSharingTheSecret() {
		UserIdPolicy replica = UserIdPolicy.of(UserIdPolicyType.HMAC, SECRET);
		assertThat(replica.toUserId("alice")).isEqualTo(this.policy.toUserId("alice"));
	}

	@Test
	void differsWithAnotherSecret() {
		UserIdPolicy other = UserIdPolicy.hmac("another-secret-of-another-application");
		assertThat(other.toUserId("alice")).isNotEqualTo(this.policy.toUserId("alice"));
	}

	@Test
	void differsWithAnotherIdentity() {
		assertThat(this.policy.toUserId("alice")).isNotEqualTo(this.policy.toUserId("bob"));
	}

	@Test
	void givesTheSameAnswerUnderConcurrentUse() {
		List<String> identities = IntStream.range(0, 2000).mapToObj((i) -> "tenant-" + (i % 10)).toList();
		Set<String> pairs = identities.parallelStream()
			.map((identity) -> identity + "=" + this.policy.toUserId(identity))
			.collect(Collectors.toSet());
		assertThat(pairs).hasSize(10)
			.allSatisfy((pair) -> assertThat(pair.substring(pair.indexOf('=') + 1))
				.isEqualTo(this.policy.toUserId(pair.substring(0, pair.indexOf('=')))));
	}

	@Test
	void rejectsABlankIdentity() {
		assertThatExceptionOfType(InvalidUserIdException.class).isThrownBy(() -> this.policy.toUserId("  "))
			.withMessageContaining("blank");
	}

	@Test
	void failsWithoutASecretNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserIdPolicy.of(UserIdPolicyType.HMAC, null))
			.withMessageContaining("deepseek.user-id.secret");
	}

	@Test
	void failsWithABlankSecretNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserIdPolicy.hmac(" \t"))
			.withMessageContaining("deepseek.user-id.secret");
	}

	@Test
	void failsWithASecretShorterThan32BytesNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserIdPolicy.hmac("s"))
			.withMessageContaining("deepseek.user-id.secret")
			.withMessageContaining("32 bytes")
			.withMessageNotContaining("\"s\"");
		assertThatIllegalArgumentException().isThrownBy(() -> UserIdPolicy.hmac("0123456789abcdef0123456789abcde"));
		assertThat(UserIdPolicy.hmac("0123456789abcdef0123456789abcdef").toUserId("alice")).hasSize(43);
	}

	@Test
	void neverShowsTheSecretInItsDescription() {
		assertThat(this.policy.toString()).doesNotContain(SECRET);
	}

}
