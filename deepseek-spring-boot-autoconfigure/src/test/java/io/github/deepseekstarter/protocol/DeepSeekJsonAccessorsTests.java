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

import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.deepseekstarter.protocol.GeneratedWire.Format;
import io.github.deepseekstarter.protocol.anthropic.ContentBlock;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.ser.bean.BeanSerializerBase;
import tools.jackson.module.blackbird.BlackbirdModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire mapper reaches the properties of the wire types through accessors generated
 * once per property, and what it writes and reads is what Jackson's own accessors write
 * and read: the same bytes for every request drawn at random in both formats, the same
 * outcome for every Anthropic event drawn at random (the OpenAI answers are held to it in
 * {@link OpenAiResponseDeserializerGenerativeTests}).
 */
class DeepSeekJsonAccessorsTests {

	private static final JsonMapper JACKSON_ACCESSORS = DeepSeekJson.withJacksonAccessors().build();

	static Stream<Long> seeds() {
		int tries = Integer.getInteger("deepseek.accessors.tries", 300);
		long seed = Long.getLong("deepseek.accessors.seed", 20261203L);
		return LongStream.range(0, tries).mapToObj((i) -> seed + i * 0x9E3779B97F4A7C15L);
	}

	@Test
	void theWireMapperHasGeneratedAccessors() {
		assertThat(DeepSeekJson.mapper().registeredModules()).anyMatch(BlackbirdModule.class::isInstance);
	}

	@ParameterizedTest
	@ValueSource(classes = { ChatCompletionRequest.class, ChatMessage.class, MessageRequest.class, ContentBlock.class })
	void requestsAreWrittenThroughGeneratedAccessors(Class<?> type) {
		ValueSerializer<Object> serializer = DeepSeekJson.mapper()._serializationContext().findValueSerializer(type);
		assertThat(serializer).isInstanceOf(BeanSerializerBase.class);
		Iterator<PropertyWriter> properties = ((BeanSerializerBase) serializer).properties();
		assertThat(properties).toIterable()
			.isNotEmpty()
			.allSatisfy((property) -> assertThat(property.getClass().getName())
				.startsWith(BlackbirdModule.class.getPackageName()));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void writesEveryRequestAsJacksonsOwnAccessorsDo(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ChatCompletionRequest openAi = WireRequests.openAi(random);
		assertThat(DeepSeekJson.mapper().writeValueAsBytes(openAi)).as("seed %d", seed)
			.isEqualTo(JACKSON_ACCESSORS.writeValueAsBytes(openAi));
		MessageRequest anthropic = WireRequests.anthropic(random);
		assertThat(DeepSeekJson.mapper().writeValueAsBytes(anthropic)).as("seed %d", seed)
			.isEqualTo(JACKSON_ACCESSORS.writeValueAsBytes(anthropic));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void readsEveryAnthropicEventAsJacksonsOwnAccessorsDo(long seed) {
		for (ServerSentEvent event : GeneratedWire.generate(Format.ANTHROPIC_SSE, new SplittableRandom(seed))
			.events()) {
			String json = event.data();
			assertThat(ReadOutcome.of(() -> DeepSeekJson.mapper().readValue(json, MessageStreamEvent.class)))
				.as("seed %d: %s", seed, json)
				.isEqualTo(ReadOutcome.of(() -> JACKSON_ACCESSORS.readValue(json, MessageStreamEvent.class)));
		}
	}

	@Test
	void readsAMessageAsJacksonsOwnAccessorsDo() {
		String json = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"deepseek-v4-flash\","
				+ "\"content\":[{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"s\"},"
				+ "{\"type\":\"text\",\"text\":\"caf\u00e9 \u4e16\u754c\"},"
				+ "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}],"
				+ "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":12,\"output_tokens\":7,"
				+ "\"cache_read_input_tokens\":3}}";
		Message message = DeepSeekJson.mapper().readValue(json, Message.class);
		assertThat(message).isEqualTo(JACKSON_ACCESSORS.readValue(json, Message.class));
		assertThat(message.content()).hasSize(3);
	}

}
