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

package io.github.deepseekstarter.langchain4j.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default parameters of the LangChain4j chat models on the DeepSeek template.
 */
@ConfigurationProperties("deepseek.langchain4j.chat")
public class DeepSeekLangChain4jProperties {

	/**
	 * Model of requests that name none; by default the template's {@code deepseek.model}.
	 */
	private @Nullable String model;

	/**
	 * Sampling temperature, 0 to 2; DeepSeek ignores it in thinking mode.
	 */
	private @Nullable Double temperature;

	/**
	 * Nucleus sampling probability mass; DeepSeek ignores it in thinking mode.
	 */
	private @Nullable Double topP;

	/**
	 * Maximum tokens a turn generates; by default DeepSeek's.
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Whether thinking mode is on; by default DeepSeek's (on).
	 */
	private @Nullable Boolean thinking;

	/**
	 * Reasoning effort of thinking mode: low, high or max; by default DeepSeek's.
	 */
	private @Nullable ReasoningEffort reasoningEffort;

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public @Nullable Double getTopP() {
		return this.topP;
	}

	public void setTopP(@Nullable Double topP) {
		this.topP = topP;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public @Nullable Boolean getThinking() {
		return this.thinking;
	}

	public void setThinking(@Nullable Boolean thinking) {
		this.thinking = thinking;
	}

	public @Nullable ReasoningEffort getReasoningEffort() {
		return this.reasoningEffort;
	}

	public void setReasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
	}

	/**
	 * DeepSeek's {@code reasoning_effort} values.
	 */
	public enum ReasoningEffort {

		/** {@code low}. */
		LOW,

		/** {@code high}. */
		HIGH,

		/** {@code max}. */
		MAX

	}

}
