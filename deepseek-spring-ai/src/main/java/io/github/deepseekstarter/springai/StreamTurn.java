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

package io.github.deepseekstarter.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * One streamed model turn: passes text and reasoning on as they arrive and joins the
 * fragments of tool calls, so that the turn's last response carries whole tool calls, the
 * whole reasoning, the finish reason and the usage. Spring AI's tool loop aggregates a
 * turn's responses and executes the tool calls it finds; fragments would not parse.
 */
final class StreamTurn {

	private final Map<Integer, ToolCallParts> toolCalls = new TreeMap<>();

	private final StringBuilder reasoning = new StringBuilder();

	private @Nullable String id;

	private @Nullable String model;

	private @Nullable FinishReason finishReason;

	private @Nullable Usage usage;

	private @Nullable ResponseMetadata wait;

	/**
	 * Takes a chunk in.
	 * @param chunk the chunk
	 * @return the response that passes its text and reasoning on, or {@code null} when it
	 * carries neither
	 */
	@Nullable ChatResponse accept(ChatCompletionChunk chunk) {
		this.id = (this.id != null) ? this.id : chunk.id();
		this.model = (this.model != null) ? this.model : chunk.model();
		this.wait = (this.wait != null) ? this.wait : chunk.metadata();
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.choices().isEmpty()) {
			return null;
		}
		ChatCompletionChunk.ChunkChoice choice = chunk.choices().get(0);
		if (choice.finishReason() != null) {
			this.finishReason = choice.finishReason();
		}
		ChatCompletionChunk.Delta delta = choice.delta();
		if (delta.toolCalls() != null) {
			for (ToolCall part : delta.toolCalls()) {
				int index = (part.index() != null) ? part.index() : this.toolCalls.size();
				this.toolCalls.computeIfAbsent(index, (key) -> new ToolCallParts()).add(part);
			}
		}
		String text = delta.content();
		String thought = delta.reasoningContent();
		boolean hasText = text != null && !text.isEmpty();
		boolean hasThought = thought != null && !thought.isEmpty();
		if (!hasText && !hasThought) {
			return null;
		}
		AssistantMessage.Builder<?> message = AssistantMessage.builder().content(hasText ? text : "");
		if (hasThought) {
			this.reasoning.append(thought);
			message.properties(Map.of(DeepSeekChatModel.REASONING_CONTENT_DELTA, thought));
		}
		return new ChatResponse(List.of(new Generation(message.build(), ChatGenerationMetadata.NULL)),
				ResponseMapping.metadata(this.id, this.model, null, this.wait));
	}

	/**
	 * The turn's last response: whole tool calls, the whole reasoning (which the next
	 * turn sends back), the finish reason and the usage.
	 * @return the response
	 */
	ChatResponse last() {
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (ToolCallParts parts : this.toolCalls.values()) {
			calls.add(parts.toolCall());
		}
		Generation generation = ResponseMapping.generation("", this.reasoning.toString(), calls, this.finishReason);
		return new ChatResponse(List.of(generation),
				ResponseMapping.metadata(this.id, this.model, this.usage, this.wait));
	}

	/**
	 * The fragments of one tool call: the first names it, the others add to its
	 * arguments.
	 */
	private static final class ToolCallParts {

		private @Nullable String id;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void add(ToolCall part) {
			if (part.id() != null) {
				this.id = part.id();
			}
			if (part.function() != null) {
				if (part.function().name() != null) {
					this.name = part.function().name();
				}
				if (part.function().arguments() != null) {
					this.arguments.append(part.function().arguments());
				}
			}
		}

		AssistantMessage.ToolCall toolCall() {
			String json = this.arguments.isEmpty() ? "{}" : this.arguments.toString();
			return new AssistantMessage.ToolCall((this.id != null) ? this.id : "", "function",
					(this.name != null) ? this.name : "", json);
		}

	}

}
