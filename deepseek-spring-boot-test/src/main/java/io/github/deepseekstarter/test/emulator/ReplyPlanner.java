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
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns a prompt and an optional scripted reply into a deterministic answer: by default
 * {@code "Echo: <last user text>"} with reasoning
 * {@code "Thinking about: <last user text>"}.
 */
final class ReplyPlanner {

	private ReplyPlanner() {
	}

	static String defaultContent(Prompt prompt) {
		if (prompt.jsonObject()) {
			return Json.write(Json.object().put("echo", prompt.lastText()));
		}
		return "Echo: " + prompt.lastText();
	}

	static Answer plan(Prompt prompt, @Nullable Reply scripted) {
		Reply reply = (scripted != null && scripted.usesTools()) ? ToolTurns.next(prompt) : scripted;
		if (reply == null) {
			reply = Reply.content(defaultContent(prompt));
		}
		if (reply.toolCalls().isEmpty() && prompt.forcedTool() != null && !prompt.toolNames().isEmpty()) {
			String tool = "*".equals(prompt.forcedTool()) ? prompt.toolNames().get(0) : prompt.forcedTool();
			reply = reply.withContent(null).withToolCall(tool, "{}");
		}
		String reasoningText = reply.reasoning();
		if (reasoningText == null) {
			reasoningText = prompt.thinking() ? "Thinking about: " + prompt.lastText() : "";
		}
		List<String> reasoning = prompt.thinking() ? Tokens.split(reasoningText) : List.of();
		String contentText = (reply.content() != null) ? reply.content() : "";
		String stopSequence = null;
		for (String stop : prompt.stopSequences()) {
			int at = contentText.indexOf(stop);
			if (!stop.isEmpty() && at >= 0) {
				contentText = contentText.substring(0, at);
				stopSequence = stop;
			}
		}
		List<String> content = Tokens.split(contentText);
		List<Reply.ToolCall> toolCalls = reply.toolCalls();
		String finish = (reply.finishReason() != null) ? reply.finishReason()
				: (toolCalls.isEmpty() ? "stop" : "tool_calls");
		Integer max = prompt.maxTokens();
		if (max != null && reasoning.size() + content.size() > max) {
			reasoning = reasoning.subList(0, Math.min(max, reasoning.size()));
			content = content.subList(0, max - reasoning.size());
			toolCalls = List.of();
			finish = "length";
			stopSequence = null;
		}
		int promptTokens = 0;
		int history = 0;
		List<String> texts = prompt.messageTexts();
		for (int i = 0; i < texts.size(); i++) {
			int tokens = Tokens.count(texts.get(i));
			promptTokens += tokens;
			if (i < texts.size() - 1) {
				history += tokens;
			}
		}
		return new Answer(List.copyOf(reasoning), List.copyOf(content), new ArrayList<>(toolCalls), finish,
				stopSequence, promptTokens, history);
	}

}
