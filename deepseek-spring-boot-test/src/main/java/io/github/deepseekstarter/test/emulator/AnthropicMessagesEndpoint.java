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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /anthropic/v1/messages}: validates an Anthropic-format request as
 * DeepSeek's compatibility layer does ({@code claude-opus*} on the Pro lane, other
 * {@code claude*} on Flash) and answers it through the shared {@link ChatFlow}. Unknown
 * models get 400 {@code Model Not Exist}; unsupported blocks ({@code image},
 * {@code document}, {@code redacted_thinking}) and a temperature outside 0 to 2 get 400.
 */
final class AnthropicMessagesEndpoint {

	private static final Set<String> BLOCK_TYPES = Set.of("text", "thinking", "tool_use", "tool_result");

	private final EmulatorSettings settings;

	private final ChatFlow flow;

	AnthropicMessagesEndpoint(EmulatorSettings settings, ChatFlow flow) {
		this.settings = settings;
		this.flow = flow;
	}

	Mono<Void> handle(HttpServerResponse response, RecordedRequest request) {
		JsonNode json = RequestFields.requireJson(request.json());
		String model = RequestFields.requireString(json, "model");
		Integer maxTokens = RequestFields.optionalInt(json, "max_tokens");
		if (maxTokens == null) {
			throw RequestFields.missing("max_tokens");
		}
		JsonNode messages = RequestFields.requireMessages(json);
		String userId = RequestFields.userId(json.path("metadata").get("user_id"));
		JsonNode temperature = json.get("temperature");
		if (temperature != null && temperature.isNumber()
				&& (temperature.asDouble() < 0 || temperature.asDouble() > 2)) {
			throw new ApiException(ApiError.invalidRequest("temperature must be between 0 and 2"));
		}
		requireSupportedBlocks(messages);
		Lane lane = Lane.forAnthropicModel(model);
		if (lane == null) {
			throw RequestFields.unknownModel();
		}
		boolean stream = json.path("stream").asBoolean(false);
		Prompt prompt = prompt(model, maxTokens, json, messages);
		AnthropicRenderer renderer = new AnthropicRenderer(model, this.settings.anthropicQuirks);
		return this.flow.answer(response, request, lane, userId, prompt, (answer) -> renderer.render(answer, stream),
				!this.settings.anthropicQuirks);
	}

	private static void requireSupportedBlocks(JsonNode messages) {
		for (JsonNode message : messages) {
			JsonNode content = message.get("content");
			if (content != null && content.isArray()) {
				for (JsonNode block : content) {
					String type = block.path("type").asString("");
					if (!BLOCK_TYPES.contains(type)) {
						throw new ApiException(ApiError.invalidRequest("Unsupported content block type: " + type));
					}
				}
			}
		}
	}

	private static Prompt prompt(String model, int maxTokens, JsonNode json, JsonNode messages) {
		List<String> texts = new ArrayList<>();
		JsonNode system = json.get("system");
		if (system != null) {
			texts.add(RequestFields.text(system));
		}
		String last = "";
		String lastUser = "";
		List<String> toolResults = new ArrayList<>();
		for (JsonNode message : messages) {
			String text = RequestFields.text(message.get("content"));
			texts.add(text);
			toolResults.clear();
			if ("user".equals(message.path("role").asString(""))) {
				last = text;
				for (JsonNode block : message.path("content")) {
					if ("tool_result".equals(block.path("type").asString(""))) {
						toolResults.add(RequestFields.text(block.get("content")));
					}
				}
				if (toolResults.isEmpty()) {
					lastUser = text;
				}
			}
		}
		List<String> tools = new ArrayList<>();
		Map<String, JsonNode> parameters = new HashMap<>();
		for (JsonNode tool : json.path("tools")) {
			tools.add(tool.path("name").asString(""));
			parameters.put(tool.path("name").asString(""), tool.path("input_schema"));
		}
		return new Prompt(texts, last, RequestFields.thinking(model, json.get("thinking")), tools,
				forcedTool(json.get("tool_choice")), maxTokens, RequestFields.strings(json.get("stop_sequences")),
				false, parameters, toolResults, lastUser);
	}

	private static @Nullable String forcedTool(@Nullable JsonNode choice) {
		if (choice == null) {
			return null;
		}
		return switch (choice.path("type").asString("")) {
			case "any" -> "*";
			case "tool" -> choice.path("name").asString("");
			default -> null;
		};
	}

}
