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

package io.github.deepseekstarter.client;

import java.util.List;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * What one step of a streamed answer adds, whatever the protocol; join them with
 * {@link ChatResponse#of(List)}.
 *
 * @param text a fragment of the text
 * @param reasoning a fragment of the chain of thought
 * @param toolCalls fragments of tool calls
 * @param finishReason why generation stopped, on the last step
 * @param usage the tokens of the whole answer, on the last step
 * @param metadata the keep-alives and the wait seen before the stream started
 */
public record ChatDelta(@Nullable String text, @Nullable String reasoning, List<ToolCallDelta> toolCalls,
		@Nullable ChatFinishReason finishReason, @Nullable TokenUsage usage, ResponseMetadata metadata) {

	public ChatDelta {
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * Whether this delta carries nothing.
	 * @return {@code true} when empty
	 */
	boolean isEmpty() {
		return (this.text == null || this.text.isEmpty()) && (this.reasoning == null || this.reasoning.isEmpty())
				&& this.toolCalls.isEmpty() && this.finishReason == null && this.usage == null;
	}

	/**
	 * A fragment of a tool call: the first names the call, later ones add to its
	 * arguments.
	 *
	 * @param index the position of the call among the answer's tool calls
	 * @param id the call id, on the first fragment
	 * @param name the tool name, on the first fragment
	 * @param arguments a fragment of the arguments' JSON text
	 */
	public record ToolCallDelta(int index, @Nullable String id, @Nullable String name, @Nullable String arguments) {
	}

}
