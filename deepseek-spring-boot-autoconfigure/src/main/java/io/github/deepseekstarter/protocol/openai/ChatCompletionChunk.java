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

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed chat completion. With {@code stream_options.include_usage} a
 * last chunk with no choices carries the usage.
 *
 * @param id the completion id, the same in every chunk
 * @param object always {@code chat.completion.chunk}
 * @param created creation time, in seconds since the epoch
 * @param model the model that answers
 * @param systemFingerprint the backend configuration that answers
 * @param choices the deltas of this chunk
 * @param usage the usage, on the last chunk(s)
 * @param metadata what the client saw before the first chunk (not part of the wire
 * format)
 */
public record ChatCompletionChunk(String id, @Nullable String object, long created, @Nullable String model,
		@Nullable String systemFingerprint, List<ChunkChoice> choices, @Nullable Usage usage,
		@JsonIgnore @Nullable ResponseMetadata metadata) {

	/**
	 * A copy with the client's metadata.
	 * @param metadata the metadata
	 * @return the copy
	 */
	public ChatCompletionChunk withMetadata(ResponseMetadata metadata) {
		return new ChatCompletionChunk(this.id, this.object, this.created, this.model, this.systemFingerprint,
				this.choices, this.usage, metadata);
	}

	/**
	 * The content fragment of the first choice.
	 * @return the fragment, or {@code null}
	 */
	public @Nullable String content() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta().content();
	}

	/**
	 * The reasoning fragment of the first choice.
	 * @return the fragment, or {@code null}
	 */
	public @Nullable String reasoningContent() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta().reasoningContent();
	}

	/**
	 * The delta of one choice.
	 *
	 * @param index the choice index
	 * @param delta what this chunk adds
	 * @param logprobs log probabilities of the delta's tokens
	 * @param finishReason set on the choice's last chunk
	 */
	public record ChunkChoice(int index, Delta delta, @Nullable Logprobs logprobs,
			@Nullable FinishReason finishReason) {
	}

	/**
	 * What one chunk adds to a message.
	 *
	 * @param role the role, on the first chunk
	 * @param content a fragment of the text
	 * @param reasoningContent a fragment of the reasoning
	 * @param toolCalls fragments of tool calls, matched by their index
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delta(@Nullable String role, @Nullable String content, @Nullable String reasoningContent,
			@Nullable List<ToolCall> toolCalls) {
	}

}
