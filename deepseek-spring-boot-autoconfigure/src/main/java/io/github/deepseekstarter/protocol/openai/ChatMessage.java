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

package io.github.deepseekstarter.protocol.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation, as sent in a request and received in a response.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text of the message
 * @param reasoningContent the chain of thought of an assistant message in thinking mode;
 * it must be sent back in later turns of a conversation that uses tools
 * @param name an optional participant name
 * @param toolCalls the tool calls an assistant message asked for
 * @param toolCallId for a {@code tool} message, the id of the call it answers
 * @param prefix for chat prefix completion (beta), whether this assistant message is the
 * prefix to continue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, @Nullable String content, @Nullable String reasoningContent,
		@Nullable String name, @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId,
		@Nullable Boolean prefix) {

	/**
	 * A system message.
	 * @param content the instructions
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, null, null, null, null, null);
	}

	/**
	 * A user message.
	 * @param content the user's text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, null, null, null, null, null);
	}

	/**
	 * An assistant message, for earlier turns of a conversation.
	 * @param content the assistant's text
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		return new ChatMessage("assistant", content, null, null, null, null, null);
	}

	/**
	 * An assistant message with tool calls and the reasoning that led to them, as
	 * DeepSeek requires them back in thinking mode.
	 * @param content the assistant's text, if any
	 * @param reasoningContent the reasoning of that turn
	 * @param toolCalls the calls the assistant made
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String content, @Nullable String reasoningContent,
			List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", content, reasoningContent, null, toolCalls, null, null);
	}

	/**
	 * A tool result.
	 * @param toolCallId the id of the call it answers
	 * @param content the result
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String content) {
		return new ChatMessage("tool", content, null, null, null, toolCallId, null);
	}

}
