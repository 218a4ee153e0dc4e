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

package io.github.deepseekstarter.langchain4j;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.langchain4j.autoconfigure.DeepSeekLangChain4jAutoConfiguration;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a LangChain4j request reaches DeepSeek and how the answer comes back, against the
 * emulator.
 */
class LangChain4jMappingTests {

	@RegisterExtension
	static final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private DeepSeekEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void pointAtEmulator() {
		this.emulator = extension.emulator();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekLangChain4jAutoConfiguration.class))
			.withPropertyValues("deepseek.base-url=" + this.emulator.baseUrl(),
					"deepseek.api-key=" + this.emulator.apiKey(), "deepseek.user-id.policy=raw",
					"deepseek.retry.max-attempts=1");
	}

	@Test
	void keepsThinkingFinishReasonAndUsage() {
		this.contextRunner.run((context) -> {
			ChatResponse response = context.getBean(ChatModel.class)
				.chat(SystemMessage.from("be brief please"), UserMessage.from("hi there"));

			assertThat(response.aiMessage().text()).isEqualTo("Echo: hi there");
			assertThat(response.aiMessage().thinking()).isEqualTo("Thinking about: hi there");
			assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
			assertThat(response.metadata().tokenUsage().inputTokenCount()).isEqualTo(5);
			assertThat(response.metadata().modelName()).isEqualTo("deepseek-v4-flash");
		});
	}

	@Test
	void jsonSchemaIsSentAsJsonObjectWithTheSchemaInTheSystemPrompt() {
		this.contextRunner.run((context) -> {
			JsonSchema schema = JsonSchema.builder()
				.name("Echo")
				.rootElement(JsonObjectSchema.builder().addStringProperty("echo").required("echo").build())
				.build();
			ChatRequest request = ChatRequest.builder()
				.messages(UserMessage.from("tell me"))
				.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
				.build();

			ChatResponse response = context.getBean(ChatModel.class).chat(request);

			assertThat(response.aiMessage().text()).isEqualTo("{\"echo\":\"tell me\"}");
			JsonNode sent = lastChat().json();
			assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
			assertThat(sent.path("messages").get(0).path("content").asString()).contains("JSON schema", "\"echo\"");
			assertThat(sent.toString()).doesNotContain("json_schema");
		});
	}

	@Test
	void mapsThinkingAndReasoningEffortFromProperties() {
		this.contextRunner
			.withPropertyValues("deepseek.langchain4j.chat.thinking=false",
					"deepseek.langchain4j.chat.reasoning-effort=high")
			.run((context) -> {
				ChatResponse response = context.getBean(ChatModel.class).chat(UserMessage.from("hi"));

				JsonNode sent = lastChat().json();
				assertThat(sent.path("thinking").path("type").asString()).isEqualTo("disabled");
				assertThat(sent.path("reasoning_effort").asString()).isEqualTo("high");
				assertThat(response.aiMessage().thinking()).isNull();
			});
	}

	@Test
	void topKFailsBeforeAnythingIsSent() {
		this.contextRunner.run((context) -> {
			ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi")).topK(3).build();

			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(ChatModel.class).chat(request))
				.withMessageContaining("topK");
			assertThat(this.emulator.requests()).isEmpty();
		});
	}

	@Test
	void streamPassesThinkingAndTextOnAndCompletesWithTheWholeAnswer() {
		this.contextRunner.run((context) -> {
			List<String> thinking = new CopyOnWriteArrayList<>();
			List<String> text = new CopyOnWriteArrayList<>();
			CompletableFuture<ChatResponse> done = new CompletableFuture<>();

			context.getBean(StreamingChatModel.class)
				.chat(ChatRequest.builder().messages(UserMessage.from("hi there")).build(),
						new StreamingChatResponseHandler() {

							@Override
							public void onPartialResponse(String partialResponse) {
								text.add(partialResponse);
							}

							@Override
							public void onPartialThinking(PartialThinking partialThinking) {
								thinking.add(partialThinking.text());
							}

							@Override
							public void onCompleteResponse(ChatResponse completeResponse) {
								done.complete(completeResponse);
							}

							@Override
							public void onError(Throwable error) {
								done.completeExceptionally(error);
							}

						});

			assertThat(done).succeedsWithin(Duration.ofSeconds(10)).satisfies((response) -> {
				assertThat(response.aiMessage().text()).isEqualTo("Echo: hi there");
				assertThat(response.aiMessage().thinking()).isEqualTo("Thinking about: hi there");
				assertThat(response.metadata().tokenUsage().inputTokenCount()).isEqualTo(2);
			});
			assertThat(String.join("", text)).isEqualTo("Echo: hi there");
			assertThat(String.join("", thinking)).isEqualTo("Thinking about: hi there");
		});
	}

	private RecordedRequest lastChat() {
		List<RecordedRequest> requests = this.emulator.requests();
		return requests.get(requests.size() - 1);
	}

}
