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

import org.jspecify.annotations.Nullable;

/**
 * A planned model answer, already split into tokens, with its usage.
 *
 * @param reasoning the reasoning tokens
 * @param content the content tokens
 * @param toolCalls the tool calls
 * @param finishReason the OpenAI-format finish reason
 * @param stopSequence the stop sequence that ended the content, or {@code null}
 * @param promptTokens all prompt tokens
 * @param cacheHitTokens the prompt tokens served from the context cache
 */
record Answer(List<String> reasoning, List<String> content, List<Reply.ToolCall> toolCalls, String finishReason,
		@Nullable String stopSequence, int promptTokens, int cacheHitTokens) {

	String reasoningText() {
		return String.join("", this.reasoning);
	}

	String contentText() {
		return String.join("", this.content);
	}

	int reasoningTokens() {
		return this.reasoning.size();
	}

	int completionTokens() {
		int tools = 0;
		for (Reply.ToolCall call : this.toolCalls) {
			tools += 1 + Tokens.count(call.arguments());
		}
		return this.reasoning.size() + this.content.size() + tools;
	}

	int cacheMissTokens() {
		return this.promptTokens - this.cacheHitTokens;
	}

}
