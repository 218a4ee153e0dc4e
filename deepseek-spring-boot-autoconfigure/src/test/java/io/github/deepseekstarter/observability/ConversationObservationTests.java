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

package io.github.deepseekstarter.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.client.ChatRequest;
import io.github.deepseekstarter.client.DeepSeekProtocol;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.anthropic.MessageParam;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * The conversation on a call's observation: none unless switched on, then the
 * {@code gen_ai.system_instructions}, {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages} of the GenAI conventions, for calls and streams of both
 * protocols, bounded in size.
 */
@ExtendWith(BlockHoundInstalled.class)
class ConversationObservationTests {

	private static final String SYSTEM = "gen_ai.system_instructions";

	private static final String INPUT = "gen_ai.input.messages";

	private static final String OUTPUT = "gen_ai.output.messages";

	private static final String ECHO = """
			[{"role":"assistant","parts":[{"type":"text","content":"Echo: hi"}],"finish_reason":"stop"}]""";

	private static final String THOUGHT_ECHO = """
			[{"role":"assistant","parts":[{"type":"reasoning","content":"Thinking about: hi"},\
			{"type":"text","content":"Echo: hi"}],"finish_reason":"stop"}]""";

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	ConversationObservationTests() {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ConversationObservationTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@Test
	void noContentIsRecordedUnlessSwitchedOn() {
		DeepSeekTemplate template = template(
				MicrometerDeepSeekObserver.builder(new SimpleMeterRegistry()).observations(this.observations).build(),
				DeepSeekProtocol.OPENAI);
		template.chat(openAi()).block(TIMEOUT);
		template.chatStream(openAi()).blockLast(TIMEOUT);
		template.anthropic().messages(anthropic()).block(TIMEOUT);
		template.anthropic().messagesStream(anthropic()).blockLast(TIMEOUT);
		template.chat(ChatRequest.builder().system("Be brief.").user("hi").build()).block(TIMEOUT);
		assertThat(this.stopped).hasSize(5).allSatisfy((call) -> {
			assertThat(call.getAllKeyValues()).extracting(KeyValue::getKey).doesNotContain(SYSTEM, INPUT, OUTPUT);
			assertThat(call.getAllKeyValues()).noneMatch((keyValue) -> keyValue.getValue().contains("hi")
					|| keyValue.getValue().contains("Be brief") || keyValue.getValue().contains("Echo"));
			assertThat(((DeepSeekObservationContext) call).getConversation()).isNull();
		});
	}

	@Test
	void openAiCallRecordsTheMessagesSentAndTheAnswer() {
		template(16 * 1024, DeepSeekProtocol.OPENAI).chat(openAi()).block(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(value(call, INPUT)).isEqualTo("""
				[{"role":"system","parts":[{"type":"text","content":"Be brief."}]},\
				{"role":"user","parts":[{"type":"text","content":"hi"}]}]""");
		assertThat(value(call, OUTPUT)).isEqualTo(THOUGHT_ECHO);
		// In the OpenAI format the system prompt is a message of the history.
		assertThat(value(call, SYSTEM)).isNull();
	}

	@Test
	void openAiStreamRecordsTheAnswerAssembledFromItsChunks() {
		template(16 * 1024, DeepSeekProtocol.OPENAI).chatStream(openAi()).blockLast(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(value(call, INPUT)).startsWith("[{\"role\":\"system\"");
		assertThat(value(call, OUTPUT)).isEqualTo(THOUGHT_ECHO);
	}

	@Test
	void anthropicCallRecordsTheSystemInstructionApartFromTheMessages() {
		template(16 * 1024, DeepSeekProtocol.OPENAI).anthropic().messages(anthropic()).block(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(value(call, SYSTEM)).isEqualTo("""
				[{"type":"text","content":"Be brief."}]""");
		assertThat(value(call, INPUT)).isEqualTo("""
				[{"role":"user","parts":[{"type":"text","content":"hi"}]}]""");
		assertThat(value(call, OUTPUT)).isEqualTo(THOUGHT_ECHO);
	}

	@Test
	void anthropicStreamRecordsTheAnswerAssembledFromItsEvents() {
		template(16 * 1024, DeepSeekProtocol.OPENAI).anthropic().messagesStream(anthropic()).blockLast(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(value(call, SYSTEM)).isEqualTo("""
				[{"type":"text","content":"Be brief."}]""");
		assertThat(value(call, OUTPUT)).isEqualTo(THOUGHT_ECHO);
	}

	@Test
	void neutralRequestsRecordTheirSystemPromptAsInstructionsInBothProtocols() {
		for (DeepSeekProtocol protocol : DeepSeekProtocol.values()) {
			this.stopped.clear();
			DeepSeekTemplate template = template(16 * 1024, protocol);
			ChatRequest request = ChatRequest.builder().system("Be brief.").user("hi").thinking(false).build();
			template.chat(request).block(TIMEOUT);
			template.chatStream(request).blockLast(TIMEOUT);
			assertThat(this.stopped).hasSize(2).allSatisfy((call) -> {
				assertThat(value(call, SYSTEM)).isEqualTo("""
						[{"type":"text","content":"Be brief."}]""");
				assertThat(value(call, INPUT)).isEqualTo("""
						[{"role":"user","parts":[{"type":"text","content":"hi"}]}]""");
				assertThat(value(call, OUTPUT)).as(protocol.name()).isEqualTo(ECHO);
			});
		}
	}

	@Test
	void toolCallsAreRecordedWithTheirArgumentsAsJson() {
		this.extension.emulator().setDefaultReply(Reply.toolCall("get_weather", "{\"location\":\"Paris\"}"));
		DeepSeekTemplate template = template(16 * 1024, DeepSeekProtocol.OPENAI);
		template.chat(openAi()).block(TIMEOUT);
		template.chatStream(openAi()).blockLast(TIMEOUT);
		template.anthropic().messages(anthropic()).block(TIMEOUT);
		template.anthropic().messagesStream(anthropic()).blockLast(TIMEOUT);
		assertThat(this.stopped).hasSize(4).allSatisfy((call) -> assertThat(value(call, OUTPUT)).matches("""
				\\[\\{"role":"assistant","parts":\\[\\{"type":"reasoning","content":"Thinking about: hi"\\},\
				\\{"type":"tool_call","id":"[^"]+","name":"get_weather","arguments":\\{"location":"Paris"\\}\\}\\],\
				"finish_reason":"tool_call"\\}\\]"""));
	}

	@Test
	void aToolConversationIsRecordedAsToolCallsAndToolCallResponses() {
		template(16 * 1024, DeepSeekProtocol.OPENAI)
			.chat(ChatCompletionRequest.builder()
				.message(ChatMessage.user("Weather in Paris?"))
				.message(ChatMessage.assistant(null, "Need the weather.",
						List.of(ToolCall.function("call_1", "get_weather", "{\"location\":\"Paris\"}"))))
				.message(ChatMessage.tool("call_1", "rainy, 57°F"))
				.build())
			.block(TIMEOUT);
		assertThat(value(this.stopped.get(0), INPUT)).isEqualTo("""
				[{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]},\
				{"role":"assistant","parts":[{"type":"reasoning","content":"Need the weather."},\
				{"type":"tool_call","id":"call_1","name":"get_weather",\
				"arguments":{"location":"Paris"}}]},\
				{"role":"tool","parts":[{"type":"tool_call_response","id":"call_1","response":"rainy, 57°F"}]}]""");
	}

	@Test
	void contentBeyondTheMaximumIsCutAndMarkedInCallsAndStreams() {
		DeepSeekTemplate template = template(10, DeepSeekProtocol.OPENAI);
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("hello world"))
			.message(ChatMessage.assistant("never recorded"))
			.message(ChatMessage.user("hi"))
			.build();
		template.chat(request).block(TIMEOUT);
		template.chatStream(request).blockLast(TIMEOUT);
		assertThat(this.stopped).hasSize(2).allSatisfy((call) -> {
			assertThat(value(call, INPUT)).isEqualTo("""
					[{"role":"user","parts":[{"type":"text","content":"hello worl...[truncated]"}]}]""");
			assertThat(value(call, OUTPUT)).isEqualTo("""
					[{"role":"assistant","parts":[{"type":"reasoning","content":"Thinking a...[truncated]"}],\
					"finish_reason":"stop"}]""");
		});
	}

	private static ChatCompletionRequest openAi() {
		return ChatCompletionRequest.builder()
			.message(ChatMessage.system("Be brief."))
			.message(ChatMessage.user("hi"))
			.build();
	}

	private static MessageRequest anthropic() {
		return MessageRequest.builder().system("Be brief.").message(MessageParam.user("hi")).build();
	}

	private static String value(Observation.Context context, String key) {
		KeyValue value = context.getHighCardinalityKeyValue(key);
		return (value != null) ? value.getValue() : null;
	}

	private DeepSeekTemplate template(int maxBytes, DeepSeekProtocol protocol) {
		return template(MicrometerDeepSeekObserver.builder(new SimpleMeterRegistry())
			.observations(this.observations)
			.recordContent(maxBytes)
			.build(), protocol);
	}

	private DeepSeekTemplate template(DeepSeekObserver observer, DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.observer(observer)
			.protocol(protocol)
			.build();
	}

}
