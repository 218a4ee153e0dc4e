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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Metadata;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolUseBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Anthropic Java SDK talks to the emulator's Anthropic-format endpoint as it
 * would to DeepSeek's.
 */
class AnthropicSdkConformanceTests {

	private DeepSeekEmulator emulator;

	private AnthropicClient client;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder().build().start();
		this.client = AnthropicOkHttpClient.builder()
			.baseUrl(this.emulator.baseUrl() + "/anthropic")
			.apiKey(this.emulator.apiKey())
			.maxRetries(0)
			.timeout(Duration.ofSeconds(20))
			.build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void answersMessageWithThinkingTextAndUsage() {
		Message message = this.client.messages().create(params("claude-sonnet-4-5", "hello world").build());

		List<ContentBlock> content = message.content();
		assertThat(content).hasSize(2);
		assertThat(content.get(0).thinking().orElseThrow().thinking()).isEqualTo("Thinking about: hello world");
		assertThat(content.get(1).text().orElseThrow().text()).isEqualTo("Echo: hello world");
		assertThat(message.stopReason()).contains(StopReason.END_TURN);
		assertThat(message.usage().outputTokens()).isEqualTo(7);
		assertThat(this.emulator.stats(Lane.FLASH).requests()).isEqualTo(1);
	}

	@Test
	void streamsMessageEventsDespiteDeepSeeksTrailingDone() {
		StringBuilder text = new StringBuilder();
		StringBuilder thinking = new StringBuilder();
		List<StopReason> stopReasons = new ArrayList<>();
		try (StreamResponse<RawMessageStreamEvent> stream = this.client.messages()
			.createStreaming(params("claude-opus-4-1", "one two").build())) {
			stream.stream().forEach((event) -> {
				event.contentBlockDelta().ifPresent((delta) -> {
					delta.delta().text().ifPresent((part) -> text.append(part.text()));
					delta.delta().thinking().ifPresent((part) -> thinking.append(part.thinking()));
				});
				event.messageDelta().flatMap((delta) -> delta.delta().stopReason()).ifPresent(stopReasons::add);
			});
		}
		assertThat(text).hasToString("Echo: one two");
		assertThat(thinking).hasToString("Thinking about: one two");
		assertThat(stopReasons).containsExactly(StopReason.END_TURN);
		assertThat(this.emulator.stats(Lane.PRO).requests()).isEqualTo(1);
		assertThat(this.emulator.requests().get(0).header("x-api-key")).isNull();
	}

	@Test
	void answersScriptedToolUse() {
		this.emulator.enqueueFault(Fault.reply(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}")));

		Message message = this.client.messages().create(params("deepseek-v4-flash", "weather?").build());

		ToolUseBlock toolUse = message.content().get(message.content().size() - 1).toolUse().orElseThrow();
		assertThat(toolUse.name()).isEqualTo("get_weather");
		assertThat(toolUse._input().convert(Map.class)).containsEntry("city", "Paris");
		assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
	}

	@Test
	void sendsMetadataUserIdThatTheEmulatorValidatesAndRecords() {
		this.client.messages()
			.create(params("claude-sonnet-4-5", "hi").metadata(Metadata.builder().userId("tenant-9").build()).build());

		assertThat(this.emulator.requests().get(0).userId()).isEqualTo("tenant-9");
	}

	private static MessageCreateParams.Builder params(String model, String text) {
		return MessageCreateParams.builder().model(model).maxTokens(1024).addUserMessage(text);
	}

}
