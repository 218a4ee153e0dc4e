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
 * A whole answer, whatever the protocol.
 *
 * @param id the server's id of the answer
 * @param model the model that answered
 * @param text the generated text, empty when the model only called tools
 * @param reasoning the chain of thought, empty outside thinking mode
 * @param toolCalls the tool calls, in order
 * @param finishReason why generation stopped
 * @param usage the tokens used; the reasoning count is 0 when the protocol does not
 * report it (Anthropic format)
 * @param metadata the keep-alives and the wait seen before the answer
 */
public record ChatResponse(@Nullable String id, @Nullable String model, String text, String reasoning,
		List<ChatToolCall> toolCalls, @Nullable ChatFinishReason finishReason, @Nullable TokenUsage usage,
		ResponseMetadata metadata) {

	public ChatResponse {
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * Joins the deltas of a stream into the answer they make up.
	 * @param deltas the deltas, in order
	 * @return the answer; its id and model are unknown
	 */
	public static ChatResponse of(List<ChatDelta> deltas) {
		DeltaAccumulator accumulator = new DeltaAccumulator();
		deltas.forEach(accumulator::accept);
		return accumulator.response();
	}

}
