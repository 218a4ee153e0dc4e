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
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion.
 *
 * @param id the completion id
 * @param object always {@code chat.completion}
 * @param created creation time, in seconds since the epoch
 * @param model the model that answered
 * @param systemFingerprint the backend configuration that answered
 * @param choices the generated choices (DeepSeek returns one)
 * @param usage the token usage
 * @param metadata what the client saw while waiting for the response (not part of the
 * wire format)
 */
public record ChatCompletion(String id, @Nullable String object, long created, @Nullable String model,
		@Nullable String systemFingerprint, List<Choice> choices, @Nullable Usage usage,
		@JsonIgnore @Nullable ResponseMetadata metadata) {

	/**
	 * A copy with the client's metadata.
	 * @param metadata the metadata
	 * @return the copy
	 */
	public ChatCompletion withMetadata(ResponseMetadata metadata) {
		return new ChatCompletion(this.id, this.object, this.created, this.model, this.systemFingerprint, this.choices,
				this.usage, metadata);
	}

	/**
	 * The text of the first choice.
	 * @return the content, or {@code null} when the model only called tools
	 */
	public @Nullable String content() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message().content();
	}

	/**
	 * The reasoning of the first choice, in thinking mode.
	 * @return the reasoning content, or {@code null}
	 */
	public @Nullable String reasoningContent() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message().reasoningContent();
	}

	/**
	 * Why the first choice stopped.
	 * @return the finish reason, or {@code null}
	 */
	public @Nullable FinishReason finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * One generated choice.
	 *
	 * @param index its index
	 * @param message the assistant message
	 * @param logprobs log probabilities, when requested
	 * @param finishReason why generation stopped
	 */
	public record Choice(int index, ChatMessage message, @Nullable Logprobs logprobs,
			@Nullable FinishReason finishReason) {
	}

}
