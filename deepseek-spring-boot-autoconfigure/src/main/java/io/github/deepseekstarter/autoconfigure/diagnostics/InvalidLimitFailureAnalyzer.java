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

package io.github.deepseekstarter.autoconfigure.diagnostics;

import io.github.deepseekstarter.limit.LimiterConfig;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@code deepseek.limits.*} value out of range, such as a model limit that is
 * zero or negative, with the range the property takes.
 */
class InvalidLimitFailureAnalyzer extends DeepSeekPropertyValueFailureAnalyzer {

	private static final String PREFIX = "deepseek.limits.";

	@Override
	boolean appliesTo(String property) {
		return property.startsWith(PREFIX);
	}

	@Override
	FailureAnalysis analyze(InvalidConfigurationPropertyValueException cause) {
		String property = cause.getName();
		String description = "The DeepSeek limit " + property + " is " + cause.getValue() + ", which is out of range."
				+ ((cause.getReason() != null) ? " " + cause.getReason() : "");
		return new FailureAnalysis(description, action(property.substring(PREFIX.length())), cause);
	}

	private static String published() {
		StringBuilder published = new StringBuilder();
		LimiterConfig.DEFAULT_MODEL_LIMITS
			.forEach((model, limit) -> published.append((published.length() > 0) ? " and " : "")
				.append(limit)
				.append(" for ")
				.append(model));
		return published.toString();
	}

	private static String action(String limit) {
		if (limit.startsWith("models.")) {
			return "Set deepseek.limits." + limit + " to a positive number, the account's concurrency limit for "
					+ "that model (DeepSeek publishes " + published() + "), or "
					+ "remove it to use the published limit.";
		}
		if (limit.equals("default-limit")) {
			return "Set deepseek.limits.default-limit to a positive number: the concurrency of the lane shared by "
					+ "models without a limit of their own (" + LimiterConfig.DEFAULT_DEFAULT_LIMIT + " by default).";
		}
		if (limit.equals("per-user") || limit.startsWith("per-user-by-model.")) {
			return "Set deepseek.limits." + limit + " to 0 to let one tenant use the whole lane, or to a positive "
					+ "number of concurrent requests a single tenant may hold.";
		}
		if (limit.equals("background-share")) {
			return "Set deepseek.limits.background-share to a fraction above 0 and at most 1, such as 0.5: the "
					+ "largest share of a lane that background calls may hold.";
		}
		return "Set deepseek.limits." + limit + " to a positive value, or remove it to use the default; the "
				+ "configuration reference of the starter's README lists each limit and its range.";
	}

}
