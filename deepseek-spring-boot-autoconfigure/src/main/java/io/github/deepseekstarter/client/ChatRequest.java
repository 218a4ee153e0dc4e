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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A chat request that reads the same on both protocols; the template's protocol adapter
 * writes it in the chosen wire format.
 *
 * @param model the model; {@code null} means the configured default
 * @param system the system prompt
 * @param messages the conversation
 * @param maxTokens the most tokens to generate; {@code null} means the server's default
 * in the OpenAI format and {@value #DEFAULT_MAX_TOKENS} in the Anthropic format, which
 * requires the field
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling
 * @param stop sequences that end generation
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool the model must call
 * @param thinking whether thinking mode is on; {@code null} means the server's default
 * @param userId the tenant; {@code null} lets the template resolve it
 */
public record ChatRequest(@Nullable String model, @Nullable String system, List<Message> messages,
		@Nullable Integer maxTokens, @Nullable Double temperature, @Nullable Double topP, @Nullable List<String> stop,
		List<Tool> tools, @Nullable ToolChoice toolChoice, @Nullable Boolean thinking, @Nullable String userId) {

	/** The {@code max_tokens} sent in the Anthropic format when the request sets none. */
	public static final int DEFAULT_MAX_TOKENS = 4096;

	public ChatRequest {
		messages = List.copyOf(messages);
		tools = List.copyOf(tools);
	}

	/**
	 * A request with the default model and one user message.
	 * @param userMessage the user's text
	 * @return the request
	 */
	public static ChatRequest of(String userMessage) {
		return builder().user(userMessage).build();
	}

	/**
	 * A builder for a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The role of a message.
	 */
	public enum Role {

		/** The user. */
		USER,

		/** The model, in earlier turns. */
		ASSISTANT,

		/** The result of a tool call. */
		TOOL

	}

	/**
	 * One message of the conversation.
	 *
	 * @param role who speaks
	 * @param text the text
	 * @param reasoning the reasoning of an assistant turn, which DeepSeek wants back with
	 * its tool calls in thinking mode
	 * @param toolCalls the tool calls of an assistant turn
	 * @param toolCallId the call a tool result answers
	 */
	public record Message(Role role, @Nullable String text, @Nullable String reasoning, List<ChatToolCall> toolCalls,
			@Nullable String toolCallId) {

		public Message {
			toolCalls = List.copyOf(toolCalls);
		}

		/**
		 * A user message.
		 * @param text the user's text
		 * @return the message
		 */
		public static Message user(String text) {
			return new Message(Role.USER, text, null, List.of(), null);
		}

		/**
		 * An assistant message of an earlier turn.
		 * @param text the assistant's text
		 * @return the message
		 */
		public static Message assistant(String text) {
			return new Message(Role.ASSISTANT, text, null, List.of(), null);
		}

		/**
		 * An assistant turn that called tools, with the reasoning that led to them.
		 * @param response the answer that called the tools
		 * @return the message
		 */
		public static Message assistant(ChatResponse response) {
			return new Message(Role.ASSISTANT, response.text().isEmpty() ? null : response.text(),
					response.reasoning().isEmpty() ? null : response.reasoning(), response.toolCalls(), null);
		}

		/**
		 * The result of a tool call.
		 * @param toolCallId the id of the call it answers
		 * @param result the result
		 * @return the message
		 */
		public static Message toolResult(String toolCallId, String result) {
			return new Message(Role.TOOL, result, null, List.of(), toolCallId);
		}

	}

	/**
	 * A function the model may call.
	 *
	 * @param name the function name
	 * @param description what it does, for the model
	 * @param parameters the JSON schema of its arguments
	 */
	public record Tool(String name, @Nullable String description, Map<String, Object> parameters) {

		public Tool {
			parameters = Map.copyOf(parameters);
		}

	}

	/**
	 * Whether and which tool the model must call.
	 *
	 * @param mode the mode
	 * @param name the tool of {@link Mode#NAMED}
	 */
	public record ToolChoice(Mode mode, @Nullable String name) {

		/** The model decides. */
		public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

		/** The model calls no tool. */
		public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);

		/** The model must call some tool. */
		public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

		/**
		 * Forces a call of the named tool.
		 * @param name the tool name
		 * @return the choice
		 */
		public static ToolChoice named(String name) {
			return new ToolChoice(Mode.NAMED, name);
		}

		/**
		 * The modes of a tool choice.
		 */
		public enum Mode {

			/** The model decides. */
			AUTO,

			/** No tool. */
			NONE,

			/** Some tool. */
			REQUIRED,

			/** The named tool. */
			NAMED

		}

	}

	/**
	 * Builder for {@link ChatRequest}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String system;

		private final List<Message> messages = new ArrayList<>();

		private @Nullable Integer maxTokens;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable List<String> stop;

		private final List<Tool> tools = new ArrayList<>();

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean thinking;

		private @Nullable String userId;

		private Builder() {
		}

		/**
		 * Sets the model.
		 * @param model the model, {@code null} for the default
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
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
		 * Adds a message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(Message message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Adds a user message.
		 * @param text the user's text
		 * @return this builder
		 */
		public Builder user(String text) {
			return message(Message.user(text));
		}

		/**
		 * Sets the most tokens to generate.
		 * @param maxTokens the limit
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
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
		 * Sets the stop sequences.
		 * @param stop the sequences
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		/**
		 * Adds a tool.
		 * @param name the function name
		 * @param description what it does
		 * @param parameters the JSON schema of its arguments
		 * @return this builder
		 */
		public Builder tool(String name, @Nullable String description, Map<String, Object> parameters) {
			this.tools.add(new Tool(name, description, parameters));
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
		 * Switches thinking mode on or off.
		 * @param thinking whether to think, {@code null} for the server's default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Boolean thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets the tenant explicitly; it is still checked or pseudonymized by the
		 * template's policy.
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
		public ChatRequest build() {
			return new ChatRequest(this.model, this.system, this.messages, this.maxTokens, this.temperature, this.topP,
					this.stop, this.tools, this.toolChoice, this.thinking, this.userId);
		}

	}

}
