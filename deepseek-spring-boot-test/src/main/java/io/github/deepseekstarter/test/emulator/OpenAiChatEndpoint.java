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

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /chat/completions}: validates an OpenAI-format request as DeepSeek does
 * (see also {@link OpenAiRequestRules}) and answers it through the shared
 * {@link ChatFlow}. Unknown models get 400 {@code Model Not Exist}.
 */
final class OpenAiChatEndpoint {

	private final ChatFlow flow;

	OpenAiChatEndpoint(ChatFlow flow) {
		this.flow = flow;
	}

	Mono<Void> handle(HttpServerResponse response, RecordedRequest request) {
		JsonNode json = RequestFields.requireJson(request.json());
		String model = RequestFields.requireString(json, "model");
		JsonNode messages = RequestFields.requireMessages(json);
		String userId = RequestFields.userId(json.get("user_id"));
		Lane lane = Lane.forModel(model);
		if (lane == null) {
			throw RequestFields.unknownModel();
		}
		boolean stream = json.path("stream").asBoolean(false);
		boolean includeUsage = json.path("stream_options").path("include_usage").asBoolean(false);
		Prompt prompt = prompt(model, json, messages);
		OpenAiRequestRules.check(json, messages, prompt.thinking());
		OpenAiRenderer renderer = new OpenAiRenderer(model);
		return this.flow.answer(response, request, lane, userId, prompt,
				(answer) -> renderer.render(answer, stream, includeUsage), false);
	}

	private static Prompt prompt(String model, JsonNode json, JsonNode messages) {
		List<String> texts = new ArrayList<>();
		String last = "";
		String lastUser = "";
		List<String> toolResults = new ArrayList<>();
		for (JsonNode message : messages) {
			String text = RequestFields.text(message.get("content"));
			texts.add(text);
			String role = message.path("role").asString("");
			if ("user".equals(role) || "tool".equals(role)) {
				last = text;
			}
			if ("tool".equals(role)) {
				toolResults.add(text);
			}
			else {
				toolResults.clear();
			}
			if ("user".equals(role)) {
				lastUser = text;
			}
		}
		List<String> tools = new ArrayList<>();
		Map<String, JsonNode> parameters = new HashMap<>();
		for (JsonNode tool : json.path("tools")) {
			String name = tool.path("function").path("name").asString("");
			tools.add(name);
			parameters.put(name, tool.path("function").path("parameters"));
		}
		return new Prompt(texts, last, RequestFields.thinking(model, json.get("thinking")), tools,
				forcedTool(json.get("tool_choice")), RequestFields.optionalInt(json, "max_tokens"),
				RequestFields.strings(json.get("stop")), OpenAiRequestRules.jsonObject(json), parameters, toolResults,
				lastUser);
	}

	private static @Nullable String forcedTool(@Nullable JsonNode choice) {
		if (choice == null) {
			return null;
		}
		if (choice.isString()) {
			return "required".equals(choice.asString()) ? "*" : null;
		}
		String name = choice.path("function").path("name").asString("");
		return name.isEmpty() ? null : name;
	}

}
