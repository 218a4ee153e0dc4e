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
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The turns of {@link Reply#usingTools()}: a tool call while the conversation ends with
 * the user, the answer once it ends with tool results.
 */
final class ToolTurns {

	private ToolTurns() {
	}

	static Reply next(Prompt prompt) {
		if (!prompt.toolResults().isEmpty()) {
			return Reply.content("Tool results: " + String.join("; ", prompt.toolResults()));
		}
		if (prompt.toolNames().isEmpty()) {
			return Reply.content(ReplyPlanner.defaultContent(prompt));
		}
		String tool = chosenTool(prompt);
		return Reply.toolCall(tool, Json.write(arguments(prompt.toolParameters().get(tool), prompt.lastUserText())));
	}

	private static String chosenTool(Prompt prompt) {
		if (prompt.forcedTool() != null && !"*".equals(prompt.forcedTool())) {
			return prompt.forcedTool();
		}
		String text = prompt.lastUserText().toLowerCase(Locale.ROOT);
		for (String name : prompt.toolNames()) {
			if (text.contains(name.toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
		return prompt.toolNames().get(0);
	}

	private static ObjectNode arguments(JsonNode schema, String userText) {
		ObjectNode arguments = Json.object();
		if (schema == null) {
			return arguments;
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String type = property.getValue().path("type").asString("string");
			switch (type) {
				case "integer", "number" -> arguments.put(property.getKey(), 1);
				case "boolean" -> arguments.put(property.getKey(), true);
				case "array" -> arguments.putArray(property.getKey());
				case "object" -> arguments.putObject(property.getKey());
				default -> arguments.put(property.getKey(), userText);
			}
		}
		return arguments;
	}

}
