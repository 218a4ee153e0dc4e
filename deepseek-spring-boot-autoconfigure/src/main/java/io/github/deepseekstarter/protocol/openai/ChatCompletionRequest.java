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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion request in DeepSeek's OpenAI format. Whether it streams is decided by
 * the call that sends it, not by a field; {@code user_id} is normally filled in by the
 * client from the tenant identity.
 *
 * @param model the model, for example {@code deepseek-v4-flash}; {@code null} uses the
 * configured default
 * @param messages the conversation so far
 * @param thinking whether thinking mode is enabled (DeepSeek enables it by default)
 * @param reasoningEffort {@code low}, {@code high} or {@code max}
 * @param maxTokens the maximum number of tokens to generate
 * @param temperature sampling temperature (ignored in thinking mode)
 * @param topP nucleus sampling (ignored in thinking mode)
 * @param frequencyPenalty frequency penalty (ignored in thinking mode)
 * @param presencePenalty presence penalty (ignored in thinking mode)
 * @param stop up to 16 stop sequences
 * @param streamOptions options of a streamed response, such as {@code include_usage}
 * @param tools up to 128 functions the model may call
 * @param toolChoice how the model may use the tools
 * @param responseFormat {@code json_object} to ask for JSON (the prompt must mention
 * "json")
 * @param logprobs whether to return log probabilities of the output tokens
 * @param topLogprobs how many alternatives per token (up to 20)
 * @param userId the tenant's {@code user_id}; when {@code null} the client resolves it
 * @param extraBody fields sent as they are at the top level of the body, for parameters
 * this type does not know yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(@Nullable String model, List<ChatMessage> messages, @Nullable Thinking thinking,
		@Nullable String reasoningEffort, @Nullable Integer maxTokens, @Nullable Double temperature,
		@Nullable Double topP, @Nullable Double frequencyPenalty, @Nullable Double presencePenalty,
		@Nullable List<String> stop, @Nullable StreamOptions streamOptions, @Nullable List<Tool> tools,
		@Nullable ToolChoice toolChoice, @Nullable ResponseFormat responseFormat, @Nullable Boolean logprobs,
		@Nullable Integer topLogprobs, @Nullable String userId, @JsonIgnore Map<String, Object> extraBody) {

	public ChatCompletionRequest {
		messages = List.copyOf(messages);
		extraBody = (extraBody != null) ? Map.copyOf(extraBody) : Map.of();
	}

	/**
	 * A builder for a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A request with the default model and one user message.
	 * @param userMessage the user's text
	 * @return the request
	 */
	public static ChatCompletionRequest of(String userMessage) {
		return builder().message(ChatMessage.user(userMessage)).build();
	}

	/**
	 * A copy of this request for another model.
	 * @param model the model
	 * @return the copy
	 */
	public ChatCompletionRequest withModel(String model) {
		return toBuilder().model(model).build();
	}

	/**
	 * A copy of this request with another {@code user_id}.
	 * @param userId the id, already valid for DeepSeek
	 * @return the copy
	 */
	public ChatCompletionRequest withUserId(@Nullable String userId) {
		return toBuilder().userId(userId).build();
	}

	/**
	 * A builder that starts from this request.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder().model(this.model)
			.messages(this.messages)
			.thinking(this.thinking)
			.reasoningEffort(this.reasoningEffort)
			.maxTokens(this.maxTokens)
			.temperature(this.temperature)
			.topP(this.topP)
			.frequencyPenalty(this.frequencyPenalty)
			.presencePenalty(this.presencePenalty)
			.stop(this.stop)
			.streamOptions(this.streamOptions)
			.tools(this.tools)
			.toolChoice(this.toolChoice)
			.responseFormat(this.responseFormat)
			.logprobs(this.logprobs)
			.topLogprobs(this.topLogprobs)
			.userId(this.userId);
		this.extraBody.forEach(builder::extraBody);
		return builder;
	}

	/**
	 * Thinking mode switch.
	 *
	 * @param type {@code enabled} or {@code disabled}
	 */
	public record Thinking(String type) {

		/** Thinking enabled: the response carries {@code reasoning_content}. */
		public static final Thinking ENABLED = new Thinking("enabled");

		/** Thinking disabled. */
		public static final Thinking DISABLED = new Thinking("disabled");

	}

	/**
	 * Format of the response.
	 *
	 * @param type {@code text} or {@code json_object}
	 */
	public record ResponseFormat(String type) {

		/** Asks the model for a JSON object. */
		public static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object");

	}

	/**
	 * Options of a streamed response.
	 *
	 * @param includeUsage whether a last chunk carries the usage of the whole response
	 */
	public record StreamOptions(boolean includeUsage) {

		/** Ask for the usage chunk at the end of the stream. */
		public static final StreamOptions INCLUDE_USAGE = new StreamOptions(true);

	}

	/**
	 * Builder for {@link ChatCompletionRequest}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Thinking thinking;

		private @Nullable String reasoningEffort;

		private @Nullable Integer maxTokens;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Double frequencyPenalty;

		private @Nullable Double presencePenalty;

		private @Nullable List<String> stop;

		private @Nullable StreamOptions streamOptions;

		private @Nullable List<Tool> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable Boolean logprobs;

		private @Nullable Integer topLogprobs;

		private @Nullable String userId;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		public Builder messages(List<ChatMessage> messages) {
			this.messages.clear();
			this.messages.addAll(messages);
			return this;
		}

		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		public Builder streamOptions(@Nullable StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
			return this;
		}

		public Builder tools(@Nullable List<Tool> tools) {
			this.tools = tools;
			return this;
		}

		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		public Builder logprobs(@Nullable Boolean logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		public Builder topLogprobs(@Nullable Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
			return this;
		}

		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Adds a field sent as it is at the top level of the body.
		 * @param name the JSON field name
		 * @param value its value, serialized with the client's own mapper
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		public ChatCompletionRequest build() {
			return new ChatCompletionRequest(this.model, this.messages, this.thinking, this.reasoningEffort,
					this.maxTokens, this.temperature, this.topP, this.frequencyPenalty, this.presencePenalty, this.stop,
					this.streamOptions, this.tools, this.toolChoice, this.responseFormat, this.logprobs,
					this.topLogprobs, this.userId, this.extraBody);
		}

	}

}
