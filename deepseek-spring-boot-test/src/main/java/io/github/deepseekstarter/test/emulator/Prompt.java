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

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the reply planner needs from a chat request, whichever API format it came in.
 *
 * @param messageTexts the text of every message (system prompt first), for token counts
 * @param lastText the text of the last user or tool message, which the default reply
 * echoes
 * @param thinking whether the model reasons before answering
 * @param toolNames the names of the offered tools
 * @param forcedTool the tool the request forces, {@code "*"} for any, or {@code null}
 * @param maxTokens the output token limit, or {@code null} for none
 * @param stopSequences stop sequences that end the content early
 * @param jsonObject whether the answer must be a JSON object
 * @param toolParameters the JSON schema of each offered tool's arguments, by tool name
 * @param toolResults the tool results that end the conversation (the answers to the
 * model's last tool calls), empty when the conversation ends with a user message
 * @param lastUserText the text of the last user message
 */
record Prompt(List<String> messageTexts, String lastText, boolean thinking, List<String> toolNames,
		@Nullable String forcedTool, @Nullable Integer maxTokens, List<String> stopSequences, boolean jsonObject,
		Map<String, JsonNode> toolParameters, List<String> toolResults, String lastUserText) {

	Prompt {
		toolParameters = Map.copyOf(toolParameters);
		toolResults = List.copyOf(toolResults);
	}

}
