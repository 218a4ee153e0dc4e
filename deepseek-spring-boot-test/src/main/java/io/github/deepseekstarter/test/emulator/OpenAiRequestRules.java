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

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The DeepSeek-specific rules an OpenAI-format chat request must follow, each answered
 * with 400: at most 128 tools with names {@code [a-zA-Z0-9_-]{1,64}}, at most 16 stop
 * sequences, the word "json" in the prompt for {@code response_format}
 * {@code json_object}, and in thinking mode the {@code reasoning_content} of every
 * assistant message that called tools.
 */
final class OpenAiRequestRules {

	private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	private static final int MAX_TOOLS = 128;

	private static final int MAX_STOP_SEQUENCES = 16;

	private OpenAiRequestRules() {
	}

	static void check(JsonNode json, JsonNode messages, boolean thinking) {
		JsonNode tools = json.path("tools");
		if (tools.size() > MAX_TOOLS) {
			throw invalid("Invalid 'tools': array too long. Expected an array with maximum length " + MAX_TOOLS
					+ ", but got an array with length " + tools.size() + " instead.");
		}
		for (int i = 0; i < tools.size(); i++) {
			String name = tools.get(i).path("function").path("name").asString("");
			if (!TOOL_NAME.matcher(name).matches()) {
				throw invalid("Invalid 'tools[" + i + "].function.name': string does not match pattern. "
						+ "Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.");
			}
		}
		if (json.path("stop").isArray() && json.path("stop").size() > MAX_STOP_SEQUENCES) {
			throw invalid("Invalid 'stop': array too long. Expected an array with maximum length " + MAX_STOP_SEQUENCES
					+ ".");
		}
		if (jsonObject(json) && !mentionsJson(messages)) {
			throw invalid("Prompt must contain the word 'json' in some form to use 'response_format' of type "
					+ "'json_object'.");
		}
		if (thinking) {
			for (int i = 0; i < messages.size(); i++) {
				JsonNode message = messages.get(i);
				if ("assistant".equals(message.path("role").asString("")) && message.path("tool_calls").size() > 0
						&& !message.path("reasoning_content").isString()) {
					throw invalid("Missing `reasoning_content` field in the assistant message at message index " + i
							+ ". In thinking mode the reasoning of a turn with tool calls must be passed back.");
				}
			}
		}
	}

	static boolean jsonObject(JsonNode json) {
		return "json_object".equals(json.path("response_format").path("type").asString(""));
	}

	private static boolean mentionsJson(JsonNode messages) {
		for (JsonNode message : messages) {
			if (RequestFields.text(message.get("content")).toLowerCase(Locale.ROOT).contains("json")) {
				return true;
			}
		}
		return false;
	}

	private static ApiException invalid(String message) {
		return new ApiException(ApiError.invalidRequest(message));
	}

}
