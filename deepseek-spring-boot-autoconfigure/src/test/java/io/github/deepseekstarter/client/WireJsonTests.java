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

import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.openai.Balance;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ModelList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A body or an event that is not the answer it should be is a transport failure naming
 * what was expected, never an exception of the client's own code: also a JSON
 * {@code null}, which data binding reads as no value at all.
 */
class WireJsonTests {

	private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@ValueSource(classes = { ChatCompletion.class, ChatCompletionChunk.class, Message.class, MessageStreamEvent.class,
			ModelList.class, Balance.class })
	void aNullAnswerIsATransportFailureNamingTheExpectedType(Class<?> type) {
		assertThatExceptionOfType(DeepSeekTransportException.class).isThrownBy(() -> WireJson.read("null", type))
			.withMessageContaining(type.getSimpleName())
			.withMessageContaining("null");
		assertThatExceptionOfType(DeepSeekTransportException.class).isThrownBy(() -> WireJson.read(NULL, type))
			.withMessageContaining(type.getSimpleName())
			.withMessageContaining("null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":", "[1,", "nonsense" })
	void anAnswerThatIsNotJsonIsATransportFailure(String body) {
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> WireJson.read(body, ChatCompletion.class))
			.withMessageContaining("ChatCompletion");
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> WireJson.read(body.getBytes(StandardCharsets.UTF_8), ChatCompletion.class))
			.withMessageContaining("ChatCompletion");
	}

	@Test
	void aNullEventOfAStreamIsATransportFailure() {
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> OpenAiAdapter.INSTANCE.streamDecoder()
				.decode(new ServerSentEvent(null, "null"), ResponseMetadata.NONE));
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> AnthropicAdapter.INSTANCE.streamDecoder()
				.decode(new ServerSentEvent("message_delta", "null"), ResponseMetadata.NONE));
	}

	@Test
	void aNullBodyIsATransportFailure() {
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> OpenAiAdapter.INSTANCE.response(NULL, ResponseMetadata.NONE));
		assertThatExceptionOfType(DeepSeekTransportException.class)
			.isThrownBy(() -> AnthropicAdapter.INSTANCE.response(NULL, ResponseMetadata.NONE));
	}

}
