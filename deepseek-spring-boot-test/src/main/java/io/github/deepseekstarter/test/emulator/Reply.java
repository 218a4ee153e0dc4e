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
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A scripted model answer: content, reasoning, tool calls and finish reason. Immutable;
 * the {@code with*} methods return copies.
 * <p>
 * Reasoning left {@code null} is derived from the prompt when thinking is on (the default
 * for reasoning models); an empty reasoning string means no reasoning at all. The finish
 * reason left {@code null} becomes {@code tool_calls} when the reply calls tools, else
 * {@code stop} (or {@code length} when {@code max_tokens} cuts the reply).
 */
public final class Reply {

	private static final Reply USING_TOOLS = new Reply(null, null, List.of(), null);

	private final @Nullable String content;

	private final @Nullable String reasoning;

	private final List<ToolCall> toolCalls;

	private final @Nullable String finishReason;

	private Reply(@Nullable String content, @Nullable String reasoning, List<ToolCall> toolCalls,
			@Nullable String finishReason) {
		this.content = content;
		this.reasoning = reasoning;
		this.toolCalls = List.copyOf(toolCalls);
		this.finishReason = finishReason;
	}

	/**
	 * Create a reply with the given content.
	 * @param content the answer text
	 * @return the reply
	 */
	public static Reply content(String content) {
		return new Reply(Objects.requireNonNull(content), null, List.of(), null);
	}

	/**
	 * Create a reply that calls one tool and has no content.
	 * @param name the function name
	 * @param arguments the arguments as a JSON object text, e.g. {@code {"city":"Paris"}}
	 * @return the reply
	 */
	public static Reply toolCall(String name, String arguments) {
		return new Reply(null, null, List.of(), null).withToolCall(name, arguments);
	}

	/**
	 * A reply that uses the offered tools as a model would, for frameworks' tool loops:
	 * while the conversation ends with a user message it calls one tool (the one the
	 * user's text names, else the first offered) with arguments made from the tool's
	 * parameter schema (strings get the user's text, numbers 1, booleans {@code true});
	 * once the conversation ends with tool results it answers
	 * {@code "Tool results: <result>; <result>"}. Without tools offered it is the default
	 * echo. Use it as it is: the {@code with*} copies are ordinary replies.
	 * @return the reply
	 */
	public static Reply usingTools() {
		return USING_TOOLS;
	}

	/**
	 * Return a copy with other content.
	 * @param content the answer text, or {@code null} for none
	 * @return the copy
	 */
	public Reply withContent(@Nullable String content) {
		return new Reply(content, this.reasoning, this.toolCalls, this.finishReason);
	}

	/**
	 * Return a copy with the given reasoning; an empty string means no reasoning.
	 * @param reasoning the reasoning text
	 * @return the copy
	 */
	public Reply withReasoning(String reasoning) {
		return new Reply(this.content, Objects.requireNonNull(reasoning), this.toolCalls, this.finishReason);
	}

	/**
	 * Return a copy that also calls the given tool.
	 * @param name the function name
	 * @param arguments the arguments as a JSON object text
	 * @return the copy
	 */
	public Reply withToolCall(String name, String arguments) {
		List<ToolCall> calls = new ArrayList<>(this.toolCalls);
		calls.add(new ToolCall("call_" + (calls.size() + 1) + "_" + Integer.toHexString(name.hashCode()), name,
				arguments));
		return new Reply(this.content, this.reasoning, calls, this.finishReason);
	}

	/**
	 * Return a copy with the given finish reason, e.g. {@code length} or
	 * {@code insufficient_system_resource}.
	 * @param finishReason the OpenAI-format finish reason
	 * @return the copy
	 */
	public Reply withFinishReason(String finishReason) {
		return new Reply(this.content, this.reasoning, this.toolCalls, Objects.requireNonNull(finishReason));
	}

	/**
	 * Return the content.
	 * @return the content, or {@code null} for none
	 */
	public @Nullable String content() {
		return this.content;
	}

	/**
	 * Return the scripted reasoning.
	 * @return the reasoning, or {@code null} to derive it from the prompt
	 */
	public @Nullable String reasoning() {
		return this.reasoning;
	}

	/**
	 * Return the tool calls.
	 * @return the tool calls, possibly empty
	 */
	public List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * Return the scripted finish reason.
	 * @return the finish reason, or {@code null} to derive it
	 */
	public @Nullable String finishReason() {
		return this.finishReason;
	}

	/**
	 * Whether this is {@link #usingTools()}.
	 * @return {@code true} for the tool-using reply
	 */
	boolean usesTools() {
		return this == USING_TOOLS;
	}

	@Override
	public String toString() {
		if (usesTools()) {
			return "Reply[usingTools]";
		}
		return "Reply[content=" + this.content + ", reasoning=" + this.reasoning + ", toolCalls=" + this.toolCalls
				+ ", finishReason=" + this.finishReason + "]";
	}

	/**
	 * One function call of a reply.
	 *
	 * @param id the call id the model assigns
	 * @param name the function name
	 * @param arguments the arguments as JSON object text
	 */
	public record ToolCall(String id, String name, String arguments) {

	}

}
