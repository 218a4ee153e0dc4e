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

package io.github.deepseekstarter.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The error envelope DeepSeek returns on both its OpenAI-format and Anthropic-format
 * endpoints: {@code {"error":{"message":"...","type":"...","param":null,"code":"..."}}}.
 *
 * @param message the server's message
 * @param type the error type, such as {@code rate_limit_error}
 * @param code the error code
 */
public record ApiError(String message, @Nullable String type, @Nullable String code) {

	/**
	 * A whole number, with or without thousands separators ("2500", "2,500", "2 500").
	 */
	private static final String NUMBER = "(\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+(?!\\d)|\\d+)";

	private static final Pattern CONCURRENCY_LIMIT = Pattern.compile("limit of " + NUMBER);

	private static final Pattern CURRENT_CONCURRENCY = Pattern.compile("current concurrency is " + NUMBER);

	private static final Pattern SEPARATORS = Pattern.compile("\\D");

	private static final int MAX_RAW_MESSAGE = 500;

	/**
	 * Reads an error body, tolerating bodies that are not the envelope (a proxy's HTML
	 * page, an Anthropic-style {@code {"type":"error","error":{...}}} body, or nothing).
	 * @param body the response body, possibly empty
	 * @return the error
	 */
	public static ApiError parse(@Nullable String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.startsWith("{")) {
			try {
				JsonNode error = DeepSeekJson.mapper().readTree(text).path("error");
				if (error.isObject()) {
					return new ApiError(error.path("message").asString(""), textOrNull(error.path("type")),
							textOrNull(error.path("code")));
				}
			}
			catch (JacksonException ex) {
				// Not JSON after all: fall through and keep the text.
			}
		}
		String message = (text.length() > MAX_RAW_MESSAGE) ? text.substring(0, MAX_RAW_MESSAGE) + "..." : text;
		return new ApiError(message, null, null);
	}

	/**
	 * The account's real concurrency limit named by a 429 message ("... exceeds your
	 * concurrency limit of 39 ...").
	 * @return the limit, or {@code null} when the message names none
	 */
	public @Nullable Integer concurrencyLimit() {
		return number(CONCURRENCY_LIMIT);
	}

	/**
	 * The concurrency the server counted, named by a 429 message.
	 * @return the concurrency, or {@code null} when the message names none
	 */
	public @Nullable Integer currentConcurrency() {
		return number(CURRENT_CONCURRENCY);
	}

	private @Nullable Integer number(Pattern pattern) {
		Matcher matcher = pattern.matcher(this.message);
		if (matcher.find()) {
			try {
				return Integer.valueOf(SEPARATORS.matcher(matcher.group(1)).replaceAll(""));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String textOrNull(JsonNode node) {
		return (node.isString()) ? node.asString() : null;
	}

}
