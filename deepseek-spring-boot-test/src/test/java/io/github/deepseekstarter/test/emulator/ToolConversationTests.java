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

import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ToolConversationTests {

	private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_time\","
			+ "\"parameters\":{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}}},"
			+ "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
			+ "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"},"
			+ "\"metric\":{\"type\":\"boolean\"}},\"required\":[\"city\"]}}}]";

	private static final String QUESTION = "{\"role\":\"user\",\"content\":\"get_weather for Paris\"}";

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private WireClient client;

	@BeforeEach
	void connect() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.usingTools());
		this.client = WireClient.to(emulator);
	}

	@Test
	void thinkingModelCallsTheNamedToolWithArgumentsFromItsSchemaThenAnswersFromTheResult() {
		JsonNode first = message(this.client.post("/chat/completions", request("deepseek-v4-pro", "", QUESTION)));
		JsonNode call = first.path("message").path("tool_calls").get(0);
		String reasoning = first.path("message").path("reasoning_content").asString();

		assertThat(first.path("finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(reasoning).isEqualTo("Thinking about: get_weather for Paris");
		assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
		assertThat(Json.MAPPER.readTree(call.path("function").path("arguments").asString()))
			.isEqualTo(Json.MAPPER.readTree("{\"city\":\"get_weather for Paris\",\"days\":1,\"metric\":true}"));

		String followUp = request("deepseek-v4-pro", "", QUESTION + "," + toolTurn(call, reasoning, "sunny"));
		JsonNode second = message(this.client.post("/chat/completions", followUp));

		assertThat(second.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(second.path("message").path("content").asString()).isEqualTo("Tool results: sunny");
		assertThat(second.path("message").path("tool_calls").isMissingNode()).isTrue();
	}

	@Test
	void thinkingToolTurnWithoutItsReasoningIsRejectedWithDeepSeeks400() {
		JsonNode call = message(this.client.post("/chat/completions", request("deepseek-v4-flash", "", QUESTION)))
			.path("message")
			.path("tool_calls")
			.get(0);

		WireClient.Response dropped = this.client.post("/chat/completions",
				request("deepseek-v4-flash", "", QUESTION + "," + toolTurn(call, null, "sunny")));

		assertThat(dropped.status()).isEqualTo(400);
		JsonNode error = Json.MAPPER.readTree(dropped.body()).path("error");
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("message").asString())
			.startsWith("Missing `reasoning_content` field in the assistant message at message index 1");
	}

	@Test
	void nonThinkingModeCallsTheFirstToolWithoutReasoningAndNeedsNoneBack() {
		String thinkingOff = "\"thinking\":{\"type\":\"disabled\"},";
		String question = "{\"role\":\"user\",\"content\":\"what now\"}";
		JsonNode first = message(
				this.client.post("/chat/completions", request("deepseek-v4-flash", thinkingOff, question)));
		JsonNode call = first.path("message").path("tool_calls").get(0);

		assertThat(first.path("message").has("reasoning_content")).isFalse();
		assertThat(call.path("function").path("name").asString()).isEqualTo("get_time");

		JsonNode second = message(this.client.post("/chat/completions",
				request("deepseek-v4-flash", thinkingOff, question + "," + toolTurn(call, null, "noon"))));
		assertThat(second.path("message").path("content").asString()).isEqualTo("Tool results: noon");
	}

	@Test
	void streamedToolTurnEndsWithToolCallsAndTheNextStreamAnswers() {
		String streamed = request("deepseek-v4-flash", "\"stream\":true,", QUESTION);
		String first = String.join("",
				this.client.stream("/chat/completions", streamed).collectList().block(Duration.ofSeconds(10)));

		assertThat(first).contains("\"tool_calls\":[{", "\"name\":\"get_weather\"", "\"finish_reason\":\"tool_calls\"",
				"\"reasoning_content\":", "data: [DONE]");

		String call = "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
				+ "\"arguments\":\"{}\"}}";
		String followUp = request("deepseek-v4-flash", "\"stream\":true,",
				QUESTION + "," + "{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"r\",\"tool_calls\":["
						+ call + "]}," + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"rain\"}");
		String second = String.join("",
				this.client.stream("/chat/completions", followUp).collectList().block(Duration.ofSeconds(10)));

		assertThat(second).contains("\"finish_reason\":\"stop\"").doesNotContain("\"tool_calls\"");
		assertThat(second.replaceAll("(?s).*?\"content\":\"([^\"]*)\"", "$1|")).contains("Tool|", "rain|");
	}

	@Test
	void anthropicFormatUsesToolsThenAnswersFromToolResultBlocks() {
		String tools = "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\","
				+ "\"properties\":{\"city\":{\"type\":\"string\"}}}}]";
		String question = "{\"role\":\"user\",\"content\":\"weather in Paris\"}";
		String first = this.client
			.post("/anthropic/v1/messages",
					"{\"model\":\"deepseek-v4-flash\",\"max_tokens\":256," + tools + ",\"messages\":[" + question
							+ "]}")
			.body();
		JsonNode use = null;
		for (JsonNode block : Json.MAPPER.readTree(first).path("content")) {
			if ("tool_use".equals(block.path("type").asString())) {
				use = block;
			}
		}

		assertThat(use).isNotNull();
		assertThat(use.path("input").path("city").asString()).isEqualTo("weather in Paris");

		String followUp = "{\"model\":\"deepseek-chat\",\"max_tokens\":256," + tools + ",\"messages\":[" + question
				+ ",{\"role\":\"assistant\",\"content\":[" + use + "]},{\"role\":\"user\",\"content\":[{\"type\":"
				+ "\"tool_result\",\"tool_use_id\":\"" + use.path("id").asString() + "\",\"content\":\"cloudy\"}]}]}";
		String second = this.client.post("/anthropic/v1/messages", followUp).body();

		assertThat(second).contains("\"text\":\"Tool results: cloudy\"", "\"stop_reason\":\"end_turn\"");
	}

	private static String request(String model, String extra, String messages) {
		return "{\"model\":\"" + model + "\"," + extra + TOOLS + ",\"messages\":[" + messages + "]}";
	}

	private static String toolTurn(JsonNode call, String reasoning, String result) {
		String reasoningField = (reasoning != null) ? "\"reasoning_content\":" + Json.write(reasoning) + "," : "";
		return "{\"role\":\"assistant\",\"content\":null," + reasoningField + "\"tool_calls\":[" + call + "]},"
				+ "{\"role\":\"tool\",\"tool_call_id\":\"" + call.path("id").asString() + "\",\"content\":\"" + result
				+ "\"}";
	}

	private static JsonNode message(WireClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Json.MAPPER.readTree(response.body()).path("choices").get(0);
	}

}
