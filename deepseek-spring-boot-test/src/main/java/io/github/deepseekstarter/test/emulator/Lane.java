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

package io.github.deepseekstarter.test.emulator;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A concurrency lane of the DeepSeek account: every model name maps to one lane, and all
 * API keys of the account share each lane's limit.
 */
public enum Lane {

	/**
	 * The {@code deepseek-v4-pro} lane (published limit 500).
	 */
	PRO("deepseek-v4-pro", 500),

	/**
	 * The Flash lane: {@code deepseek-v4-flash}, {@code deepseek-flash},
	 * {@code deepseek-chat} and {@code deepseek-reasoner} (published limit 2500).
	 */
	FLASH("deepseek-v4-flash", 2500);

	private final String modelName;

	private final int defaultLimit;

	Lane(String modelName, int defaultLimit) {
		this.modelName = modelName;
		this.defaultLimit = defaultLimit;
	}

	/**
	 * Return the canonical model name of this lane.
	 * @return the model name, e.g. {@code deepseek-v4-pro}
	 */
	public String modelName() {
		return this.modelName;
	}

	/**
	 * Return the published concurrency limit of this lane, the emulator's default.
	 * @return the default limit
	 */
	public int defaultLimit() {
		return this.defaultLimit;
	}

	/**
	 * Return the lane of a DeepSeek model name as the OpenAI-format endpoint accepts it.
	 * @param model the model name of a request
	 * @return the lane, or {@code null} when DeepSeek does not know the model
	 */
	public static @Nullable Lane forModel(String model) {
		return switch (model) {
			case "deepseek-v4-pro" -> PRO;
			case "deepseek-v4-flash", "deepseek-flash", "deepseek-chat", "deepseek-reasoner" -> FLASH;
			default -> null;
		};
	}

	/**
	 * Return the lane of a model name as the Anthropic-format endpoint accepts it:
	 * {@code claude-opus*} is Pro, any other {@code claude*} is Flash, DeepSeek names map
	 * directly.
	 * @param model the model name of a request
	 * @return the lane, or {@code null} when DeepSeek does not know the model
	 */
	public static @Nullable Lane forAnthropicModel(String model) {
		String lower = model.toLowerCase(Locale.ROOT);
		if (lower.startsWith("claude-opus")) {
			return PRO;
		}
		if (lower.startsWith("claude")) {
			return FLASH;
		}
		return forModel(model);
	}

}
