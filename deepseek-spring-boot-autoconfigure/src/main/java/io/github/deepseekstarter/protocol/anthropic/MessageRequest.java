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

package io.github.deepseekstarter.protocol.anthropic;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A request to {@code POST /anthropic/v1/messages}, with the fields DeepSeek supports.
 * The client sets {@code stream} and places the tenant's id in {@code metadata.user_id}.
 *
 * @param model the model; {@code claude-opus*} names run on deepseek-v4-pro, other
 * {@code claude*} names on Flash, DeepSeek names as they are; {@code null} means the
 * client's default
 * @param maxTokens the most tokens to generate; {@code null} means the client's default,
 * since the format requires the field
 * @param system the system prompt
 * @param messages the conversation
 * @param stopSequences sequences that end generation
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool the model must call
 * @param thinking thinking mode
 * @param metadata the metadata; its {@code user_id} is the tenant, checked and
 * pseudonymized like every other {@code user_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRequest(@Nullable String model, @Nullable Integer maxTokens, @Nullable String system,
		List<MessageParam> messages, @Nullable List<String> stopSequences, @Nullable Double temperature,
		@Nullable Double topP, @Nullable List<Tool> tools, @Nullable ToolChoice toolChoice, @Nullable Thinking thinking,
		@Nullable Metadata metadata) {

	public MessageRequest {
		messages = List.copyOf(messages);
	}

	/**
	 * A builder for a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A request with the default model and one user turn.
	 * @param userMessage the user's text
	 * @return the request
	 */
	public static MessageRequest of(String userMessage) {
		return builder().message(MessageParam.user(userMessage)).build();
	}

	/**
	 * The request's metadata.
	 *
	 * @param userId the tenant the request is made for
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Metadata(@Nullable String userId) {
	}

	/**
	 * Builder for {@link MessageRequest}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Integer maxTokens;

		private @Nullable String system;

		private final List<MessageParam> messages = new ArrayList<>();

		private @Nullable List<String> stopSequences;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable List<Tool> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Thinking thinking;

		private @Nullable String userId;

		private Builder() {
		}

		/**
		 * Sets the model.
		 * @param model the model, {@code null} for the client's default
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the most tokens to generate.
		 * @param maxTokens the limit, {@code null} for the client's default
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets the system prompt.
		 * @param system the instructions
		 * @return this builder
		 */
		public Builder system(@Nullable String system) {
			this.system = system;
			return this;
		}

		/**
		 * Adds a turn.
		 * @param message the turn
		 * @return this builder
		 */
		public Builder message(MessageParam message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Replaces the turns.
		 * @param messages the turns
		 * @return this builder
		 */
		public Builder messages(List<MessageParam> messages) {
			this.messages.clear();
			this.messages.addAll(messages);
			return this;
		}

		/**
		 * Sets the stop sequences.
		 * @param stopSequences the sequences
		 * @return this builder
		 */
		public Builder stopSequences(@Nullable List<String> stopSequences) {
			this.stopSequences = stopSequences;
			return this;
		}

		/**
		 * Sets the sampling temperature.
		 * @param temperature 0 to 2
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets nucleus sampling.
		 * @param topP the probability mass
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets the tools.
		 * @param tools the tools
		 * @return this builder
		 */
		public Builder tools(@Nullable List<Tool> tools) {
			this.tools = tools;
			return this;
		}

		/**
		 * Sets the tool choice.
		 * @param toolChoice the choice
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Sets thinking mode.
		 * @param thinking the mode
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets the tenant the request is made for, sent as {@code metadata.user_id}.
		 * @param userId the tenant
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public MessageRequest build() {
			return new MessageRequest(this.model, this.maxTokens, this.system, this.messages, this.stopSequences,
					this.temperature, this.topP, this.tools, this.toolChoice, this.thinking,
					(this.userId != null) ? new Metadata(this.userId) : null);
		}

	}

}
