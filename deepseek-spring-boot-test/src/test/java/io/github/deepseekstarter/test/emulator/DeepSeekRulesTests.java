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

import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DeepSeek's own request rules of the OpenAI format: thinking-mode tool turns, JSON
 * output, tool and stop limits.
 */
class DeepSeekRulesTests {

	private static final String TOOL_TURN = "{\"role\":\"assistant\",\"content\":null,%s\"tool_calls\":[{\"id\":\"c1\","
			+ "\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]},"
			+ "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"sunny\"}";

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private DeepSeekEmulator emulator;

	private WireClient client;

	@BeforeEach
	void connect() {
		this.emulator = this.extension.emulator();
		this.client = WireClient.to(this.emulator);
	}

	@Test
	void requiresReasoningContentBackAfterToolCallsInThinkingMode() {
		WireClient.Response missing = this.client.post("/chat/completions", toolConversation("deepseek-v4-pro", ""));
		WireClient.Response passedBack = this.client.post("/chat/completions",
				toolConversation("deepseek-v4-pro", "\"reasoning_content\":\"need weather\","));
		WireClient.Response nonThinking = this.client.post("/chat/completions", toolConversation("deepseek-chat", ""));

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body())
			.contains("Missing `reasoning_content` field in the assistant message at message index 1");
		assertThat(passedBack.status()).isEqualTo(200);
		assertThat(passedBack.body()).contains("\"content\":\"Echo: sunny\"");
		assertThat(nonThinking.status()).isEqualTo(200);
	}

	@Test
	void answersJsonObjectOnlyWhenThePromptMentionsJson() {
		String withoutWord = "{\"model\":\"deepseek-chat\",\"response_format\":{\"type\":\"json_object\"},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"list fruits\"}]}";
		String withWord = withoutWord.replace("list fruits", "list fruits as JSON");

		assertThat(this.client.post("/chat/completions", withoutWord).status()).isEqualTo(400);
		assertThat(this.client.post("/chat/completions", withWord).body())
			.contains("\"content\":\"{\\\"echo\\\":\\\"list fruits as JSON\\\"}\"");
	}

	@Test
	void rejectsBadToolNamesAndTooManyStopSequences() {
		String badTool = "{\"model\":\"deepseek-chat\",\"tools\":[{\"type\":\"function\",\"function\":"
				+ "{\"name\":\"bad name\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		String manyStops = "{\"model\":\"deepseek-chat\",\"stop\":[" + "\"x\",".repeat(16)
				+ "\"y\"],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

		assertThat(this.client.post("/chat/completions", badTool).body()).contains("Invalid 'tools[0].function.name'");
		assertThat(this.client.post("/chat/completions", manyStops).status()).isEqualTo(400);
	}

	@Test
	void countsEveryHttpRequest() {
		this.client.get("/models");
		this.client.get("/nowhere");

		assertThat(this.emulator.totalRequests()).isEqualTo(2);
		assertThat(this.emulator.anthropicBaseUrl()).isEqualTo(this.emulator.baseUrl() + "/anthropic");
	}

	private static String toolConversation(String model, String reasoning) {
		return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},"
				+ TOOL_TURN.formatted(reasoning) + "]}";
	}

}
