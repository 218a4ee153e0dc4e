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

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekstarter.protocol.openai.ToolChoice;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.DefaultChatOptionsBuilder;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * The options of a DeepSeek chat turn: Spring AI's portable options and tools plus
 * DeepSeek's thinking mode, reasoning effort, tool choice and JSON output. DeepSeek
 * rejects {@code json_schema}, so an output schema (Spring AI's native structured output)
 * is sent as {@code response_format: json_object} with the schema in a system message.
 * DeepSeek has no {@code top_k}: a turn that sets it fails before anything is sent.
 */
public class DeepSeekChatOptions extends DefaultToolCallingChatOptions implements StructuredOutputChatOptions {

	private final @Nullable Boolean thinking;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable ResponseFormat responseFormat;

	private final @Nullable String outputSchema;

	private final @Nullable Boolean background;

	private final @Nullable Boolean allowOverflow;

	protected DeepSeekChatOptions(Builder builder, @Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext, ChatOptions portable) {
		super(toolCallbacks, toolContext, portable.getModel(), portable.getFrequencyPenalty(), portable.getMaxTokens(),
				portable.getPresencePenalty(), portable.getStopSequences(), portable.getTemperature(),
				portable.getTopK(), portable.getTopP());
		this.thinking = builder.thinking;
		this.reasoningEffort = builder.reasoningEffort;
		this.toolChoice = builder.toolChoice;
		this.responseFormat = builder.responseFormat;
		this.outputSchema = builder.outputSchema;
		this.background = builder.background;
		this.allowOverflow = builder.allowOverflow;
	}

	/**
	 * A builder of options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether thinking mode is on; {@code null} means DeepSeek's default (on).
	 * @return whether the model thinks
	 */
	public @Nullable Boolean getThinking() {
		return this.thinking;
	}

	/**
	 * How hard the model reasons in thinking mode.
	 * @return the effort, {@code null} for DeepSeek's default
	 */
	public @Nullable ReasoningEffort getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * Whether and which tool the model must call; {@code null} lets the model decide.
	 * @return the tool choice
	 */
	public @Nullable ToolChoice getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * The answer's format; {@code null} is text, or a JSON object when an output schema
	 * is set.
	 * @return the format
	 */
	public @Nullable ResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * Whether the turn is background work, which may hold only a share of its lane.
	 * @return whether the turn is background work
	 */
	public @Nullable Boolean getBackground() {
		return this.background;
	}

	/**
	 * Whether the turn may go to the overflow model when its lane is full.
	 * @return whether overflow routing is allowed
	 */
	public @Nullable Boolean getAllowOverflow() {
		return this.allowOverflow;
	}

	@Override
	public Builder mutate() {
		Builder builder = new Builder();
		builder.model(getModel())
			.frequencyPenalty(getFrequencyPenalty())
			.maxTokens(getMaxTokens())
			.presencePenalty(getPresencePenalty())
			.stopSequences(getStopSequences())
			.temperature(getTemperature())
			.topK(getTopK())
			.topP(getTopP())
			.toolCallbacks(getToolCallbacks())
			.toolContext(getToolContext());
		builder.thinking = this.thinking;
		builder.reasoningEffort = this.reasoningEffort;
		builder.toolChoice = this.toolChoice;
		builder.responseFormat = this.responseFormat;
		builder.outputSchema = this.outputSchema;
		builder.background = this.background;
		builder.allowOverflow = this.allowOverflow;
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && other instanceof DeepSeekChatOptions that
				&& Objects.equals(this.thinking, that.thinking)
				&& Objects.equals(this.reasoningEffort, that.reasoningEffort)
				&& Objects.equals(this.toolChoice, that.toolChoice)
				&& Objects.equals(this.responseFormat, that.responseFormat)
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.background, that.background)
				&& Objects.equals(this.allowOverflow, that.allowOverflow);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.thinking, this.reasoningEffort, this.toolChoice, this.responseFormat,
				this.outputSchema, this.background, this.allowOverflow);
	}

	@Override
	public String toString() {
		return "DeepSeekChatOptions[model=" + getModel() + ", thinking=" + this.thinking + ", reasoningEffort="
				+ this.reasoningEffort + ", tools=" + ((getToolCallbacks() != null) ? getToolCallbacks().size() : 0)
				+ ", responseFormat=" + this.responseFormat + "]";
	}

	/**
	 * How hard the model reasons in thinking mode ({@code reasoning_effort}).
	 */
	public enum ReasoningEffort {

		/** {@code low}. */
		LOW,

		/** {@code high}. */
		HIGH,

		/** {@code max}. */
		MAX

	}

	/**
	 * The formats DeepSeek can answer in; {@code json_schema} is not one of them.
	 */
	public enum ResponseFormat {

		/** Free text. */
		TEXT,

		/**
		 * A JSON object ({@code response_format: json_object}); DeepSeek requires the
		 * prompt to mention JSON.
		 */
		JSON_OBJECT

	}

	/**
	 * Builder of {@link DeepSeekChatOptions}.
	 */
	public static class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private @Nullable Boolean thinking;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ToolChoice toolChoice;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable String outputSchema;

		private @Nullable Boolean background;

		private @Nullable Boolean allowOverflow;

		protected Builder() {
		}

		/**
		 * Switches thinking mode on or off.
		 * @param thinking whether the model thinks, {@code null} for DeepSeek's default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Boolean thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets the reasoning effort of thinking mode.
		 * @param reasoningEffort the effort
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets whether and which tool the model must call.
		 * @param toolChoice the choice, e.g. {@link ToolChoice#REQUIRED} or
		 * {@link ToolChoice#function(String)}
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Sets the answer's format.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		/**
		 * Marks turns as background work, which may hold only a share of the lane.
		 * @param background whether the turns are background work
		 * @return this builder
		 */
		public Builder background(@Nullable Boolean background) {
			this.background = background;
			return this;
		}

		/**
		 * Allows turns to go to the overflow model when their lane is full.
		 * @param allowOverflow whether overflow routing is allowed
		 * @return this builder
		 */
		public Builder allowOverflow(@Nullable Boolean allowOverflow) {
			this.allowOverflow = allowOverflow;
			return this;
		}

		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				this.thinking = (that.thinking != null) ? that.thinking : this.thinking;
				this.reasoningEffort = (that.reasoningEffort != null) ? that.reasoningEffort : this.reasoningEffort;
				this.toolChoice = (that.toolChoice != null) ? that.toolChoice : this.toolChoice;
				this.responseFormat = (that.responseFormat != null) ? that.responseFormat : this.responseFormat;
				this.outputSchema = (that.outputSchema != null) ? that.outputSchema : this.outputSchema;
				this.background = (that.background != null) ? that.background : this.background;
				this.allowOverflow = (that.allowOverflow != null) ? that.allowOverflow : this.allowOverflow;
			}
			return this;
		}

		@Override
		public DeepSeekChatOptions build() {
			ChatOptions portable = new DefaultChatOptionsBuilder<>().model(this.model)
				.frequencyPenalty(this.frequencyPenalty)
				.maxTokens(this.maxTokens)
				.presencePenalty(this.presencePenalty)
				.stopSequences(this.stopSequences)
				.temperature(this.temperature)
				.topK(this.topK)
				.topP(this.topP)
				.build();
			return new DeepSeekChatOptions(this, this.toolCallbacks, this.toolContext, portable);
		}

	}

}
