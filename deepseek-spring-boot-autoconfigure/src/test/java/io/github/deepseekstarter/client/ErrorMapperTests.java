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

package io.github.deepseekstarter.client;

import java.nio.charset.StandardCharsets;

import io.github.deepseekstarter.DeepSeekApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body read as bytes is told to be an error envelope exactly when its text is.
 */
class ErrorMapperTests {

	@ParameterizedTest
	@ValueSource(strings = { "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}",
			"{ \n\t\"error\" : {\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\"}}",
			"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Überlastet, 稍后再试\"}}",
			"{\"type\" :  \"error\", \"error\":{\"type\":\"invalid_request_error\",\"message\":\"é\"}}",
			"{\"error\":\"not an object\"}", "{\"error\":", "{\"type\":\"message\",\"id\":\"msg_1\"}",
			"{\"id\":\"8a42\",\"object\":\"chat.completion\",\"choices\":[]}", "{\"errör\":{}}", "{\"type\":",
			"{\"type\":\"errors\"}", "[{\"error\":{}}]", "{", "" })
	void aBodyReadAsBytesIsAnEnvelopeExactlyWhenItsTextIs(String body) {
		DeepSeekApiException fromText = ErrorMapper.fromEnvelope(body);
		DeepSeekApiException fromBytes = ErrorMapper.fromEnvelope(body.getBytes(StandardCharsets.UTF_8));
		if (fromText == null) {
			assertThat(fromBytes).isNull();
			return;
		}
		assertThat(fromBytes).isNotNull()
			.hasSameClassAs(fromText)
			.hasMessage(fromText.getMessage())
			.extracting(DeepSeekApiException::status)
			.isEqualTo(fromText.status());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}",
			"{ \n\t\"error\" : {\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\"}}",
			"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Überlastet, 稍后再试\"}}" })
	void bothEnvelopesReadAsBytesAreTheirTypedExceptions(String body) {
		assertThat(ErrorMapper.fromEnvelope(body.getBytes(StandardCharsets.UTF_8))).isNotNull()
			.satisfies((error) -> assertThat(error.status()).isIn(429, 402, 503));
	}

}
