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

package io.github.deepseekstarter.springai;

import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.springai.autoconfigure.DeepSeekSpringAiAutoConfiguration;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a Spring AI prompt reaches DeepSeek and how the answer comes back, against the
 * emulator.
 */
class DeepSeekChatModelMappingTests {

	@RegisterExtension
	static final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private DeepSeekEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void pointAtEmulator() {
		this.emulator = extension.emulator();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekSpringAiAutoConfiguration.class))
			.withPropertyValues("deepseek.base-url=" + this.emulator.baseUrl(),
					"deepseek.api-key=" + this.emulator.apiKey(), "deepseek.user-id.policy=raw",
					"deepseek.retry.max-attempts=1");
	}

	@Test
	void callKeepsReasoningFinishReasonAndUsageWithCacheReadTokens() {
		this.contextRunner.run((context) -> {
			ChatResponse response = context.getBean(ChatModel.class)
				.call(new Prompt(List.of(new SystemMessage("be brief please"), new UserMessage("hi there"))));

			assertThat(response.getResult().getOutput().getText()).isEqualTo("Echo: hi there");
			assertThat(response.getResult().getOutput().getMetadata())
				.containsEntry(DeepSeekChatModel.REASONING_CONTENT, "Thinking about: hi there");
			assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
			Usage usage = response.getMetadata().getUsage();
			assertThat(usage.getPromptTokens()).isEqualTo(5);
			assertThat(usage.getCacheReadInputTokens()).isEqualTo(3L);
			assertThat(usage.getCompletionTokens()).isEqualTo(usage.getTotalTokens() - 5);
			assertThat(usage.getNativeUsage()).isInstanceOf(io.github.deepseekstarter.protocol.openai.Usage.class);
			assertThat(response.getMetadata().getId()).isNotEmpty();
			assertThat(response.getMetadata().getModel()).isEqualTo("deepseek-v4-flash");
		});
	}

	@Test
	void mapsThinkingReasoningEffortSamplingAndJsonObject() {
		this.contextRunner.run((context) -> {
			DeepSeekChatOptions options = DeepSeekChatOptions.builder()
				.model("deepseek-v4-pro")
				.thinking(false)
				.reasoningEffort(DeepSeekChatOptions.ReasoningEffort.HIGH)
				.temperature(0.2)
				.topP(0.8)
				.maxTokens(64)
				.stopSequences(List.of("END"))
				.frequencyPenalty(0.1)
				.presencePenalty(0.3)
				.responseFormat(DeepSeekChatOptions.ResponseFormat.JSON_OBJECT)
				.build();

			ChatResponse response = context.getBean(ChatModel.class)
				.call(new Prompt(new UserMessage("list fruits as json"), options));

			JsonNode sent = lastChat().json();
			assertThat(sent.path("model").asString()).isEqualTo("deepseek-v4-pro");
			assertThat(sent.path("thinking").path("type").asString()).isEqualTo("disabled");
			assertThat(sent.path("reasoning_effort").asString()).isEqualTo("high");
			assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
			assertThat(sent.path("top_p").asDouble()).isEqualTo(0.8);
			assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
			assertThat(sent.path("stop").get(0).asString()).isEqualTo("END");
			assertThat(sent.path("frequency_penalty").asDouble()).isEqualTo(0.1);
			assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(0.3);
			assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
			assertThat(response.getResult().getOutput().getText()).isEqualTo("{\"echo\":\"list fruits as json\"}");
			assertThat(response.getResult().getOutput().getMetadata())
				.doesNotContainKey(DeepSeekChatModel.REASONING_CONTENT);
		});
	}

	@Test
	void nativeStructuredOutputIsSentAsJsonObjectWithTheSchemaInTheSystemPrompt() {
		this.contextRunner.run((context) -> {
			ChatClient chatClient = ChatClient.builder(context.getBean(ChatModel.class)).build();

			Echo echo = chatClient.prompt()
				.user("tell me")
				.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
				.call()
				.entity(Echo.class);

			assertThat(echo).isEqualTo(new Echo("tell me"));
			JsonNode sent = lastChat().json();
			assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
			assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
			assertThat(sent.path("messages").get(0).path("content").asString()).contains("JSON schema", "\"echo\"");
			assertThat(sent.toString()).doesNotContain("json_schema");
		});
	}

	@Test
	void portableOptionsAreMergedOverTheDefaults() {
		this.contextRunner.withPropertyValues("deepseek.spring-ai.chat.thinking=false").run((context) -> {
			ChatOptions portable = ToolCallingChatOptions.builder().temperature(0.5).maxTokens(16).build();

			context.getBean(ChatModel.class).call(new Prompt(new UserMessage("hi"), portable));

			JsonNode sent = lastChat().json();
			assertThat(sent.path("model").asString()).isEqualTo("deepseek-v4-flash");
			assertThat(sent.path("thinking").path("type").asString()).isEqualTo("disabled");
			assertThat(sent.path("temperature").asDouble()).isEqualTo(0.5);
			assertThat(sent.path("max_tokens").asInt()).isEqualTo(16);
		});
	}

	@Test
	void topKFailsBeforeAnythingIsSent() {
		this.contextRunner.run((context) -> {
			ChatModel model = context.getBean(ChatModel.class);
			Prompt prompt = new Prompt(new UserMessage("hi"), DeepSeekChatOptions.builder().topK(5).build());

			assertThatIllegalArgumentException().isThrownBy(() -> model.call(prompt)).withMessageContaining("topK");
			assertThat(this.emulator.requests()).isEmpty();
		});
	}

	@Test
	void tokenLimitMapsToTheLengthFinishReason() {
		this.contextRunner.run((context) -> {
			ChatResponse response = context.getBean(ChatModel.class)
				.call(new Prompt(new UserMessage("a long question"),
						DeepSeekChatOptions.builder().maxTokens(2).build()));

			assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
		});
	}

	@Test
	void streamPassesFragmentsOnAndEndsWithTheWholeReasoningAndUsage() {
		this.contextRunner.run((context) -> {
			List<ChatResponse> responses = context.getBean(ChatModel.class)
				.stream(new Prompt(new UserMessage("hi there")))
				.collectList()
				.block(Duration.ofSeconds(10));

			StringBuilder text = new StringBuilder();
			StringBuilder reasoning = new StringBuilder();
			for (ChatResponse response : responses.subList(0, responses.size() - 1)) {
				text.append(response.getResult().getOutput().getText());
				Object fragment = response.getResult()
					.getOutput()
					.getMetadata()
					.get(DeepSeekChatModel.REASONING_CONTENT_DELTA);
				reasoning.append((fragment != null) ? fragment : "");
			}
			ChatResponse last = responses.get(responses.size() - 1);
			assertThat(text).hasToString("Echo: hi there");
			assertThat(reasoning).hasToString("Thinking about: hi there");
			assertThat(last.getResult().getOutput().getMetadata()).containsEntry(DeepSeekChatModel.REASONING_CONTENT,
					"Thinking about: hi there");
			assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
			assertThat(last.getMetadata().getUsage().getPromptTokens()).isEqualTo(2);
			assertThat(lastChat().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
		});
	}

	private RecordedRequest lastChat() {
		List<RecordedRequest> requests = this.emulator.requests();
		return requests.get(requests.size() - 1);
	}

	record Echo(String echo) {
	}

}
