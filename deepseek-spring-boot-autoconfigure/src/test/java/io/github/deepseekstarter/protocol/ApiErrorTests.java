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

package io.github.deepseekstarter.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiError}.
 */
class ApiErrorTests {

	@Test
	void readsDeepSeeksEnvelope() {
		ApiError error = ApiError.parse(
				"{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}");
		assertThat(error.message()).isEqualTo("Insufficient Balance");
		assertThat(error.type()).isEqualTo("unknown_error");
		assertThat(error.code()).isEqualTo("invalid_request_error");
	}

	@Test
	void readsTheRealLimitFromA429Message() {
		ApiError error = ApiError.parse("{\"error\":{\"message\":\"Too many requests. Your current concurrency is 40, "
				+ "which exceeds your concurrency limit of 39 based on your remaining balance\",\"type\":\"rate_limit_error\"}}");
		assertThat(error.concurrencyLimit()).isEqualTo(39);
		assertThat(error.currentConcurrency()).isEqualTo(40);
	}

	@Test
	void readsLimitsWrittenWithThousandsSeparators() {
		ApiError error = ApiError
			.parse("{\"error\":{\"message\":\"Too many requests. Your current concurrency is 2,501, "
					+ "which exceeds your concurrency limit of 2,500.\",\"type\":\"rate_limit_error\"}}");
		assertThat(error.concurrencyLimit()).isEqualTo(2500);
		assertThat(error.currentConcurrency()).isEqualTo(2501);
		assertThat(ApiError.parse("{\"error\":{\"message\":\"exceeds your concurrency limit of 1 000\"}}")
			.concurrencyLimit()).isEqualTo(1000);
		assertThat(ApiError.parse("{\"error\":{\"message\":\"exceeds your concurrency limit of 39.\"}}")
			.concurrencyLimit()).isEqualTo(39);
		assertThat(ApiError.parse("{\"error\":{\"message\":\"exceeds your concurrency limit of 39, based on\"}}")
			.concurrencyLimit()).isEqualTo(39);
	}

	@Test
	void a429WithoutNumbersNamesNoLimit() {
		assertThat(ApiError.parse("{\"error\":{\"message\":\"Rate limit reached\"}}").concurrencyLimit()).isNull();
	}

	@Test
	void keepsTheTextOfABodyThatIsNotTheEnvelope() {
		ApiError error = ApiError.parse("<html>Bad Gateway</html>");
		assertThat(error.message()).isEqualTo("<html>Bad Gateway</html>");
		assertThat(error.type()).isNull();
		assertThat(ApiError.parse(null).message()).isEmpty();
		assertThat(ApiError.parse("{not json").message()).isEqualTo("{not json");
	}

}
