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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the request fields both API formats share.
 */
final class RequestFields {

	private static final Pattern USER_ID = Pattern.compile("^[a-zA-Z0-9_-]+$");

	private static final int USER_ID_MAX_BYTES = 512;

	private RequestFields() {
	}

	static JsonNode requireJson(@Nullable JsonNode json) {
		if (json == null || !json.isObject()) {
			throw new ApiException(ApiError
				.invalidRequest("Failed to deserialize the JSON body into the target type: expected a JSON object"));
		}
		return json;
	}

	static String requireString(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || !value.isString()) {
			throw missing(field);
		}
		return value.asString();
	}

	static JsonNode requireMessages(JsonNode json) {
		JsonNode messages = json.get("messages");
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw missing("messages");
		}
		return messages;
	}

	static ApiException missing(String field) {
		return new ApiException(ApiError
			.invalidRequest("Failed to deserialize the JSON body into the target type: missing field `" + field + "`"));
	}

	static ApiException unknownModel() {
		return new ApiException(ApiError.invalidRequest("Model Not Exist"));
	}

	/**
	 * Validate a user id field as DeepSeek does.
	 * @param value the field value, or {@code null} when absent
	 * @return the user id, or {@code null} when absent
	 */
	static @Nullable String userId(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || !USER_ID.matcher(value.asString()).matches()
				|| value.asString().getBytes(StandardCharsets.UTF_8).length > USER_ID_MAX_BYTES) {
			throw new ApiException(ApiError.invalidUserId());
		}
		return value.asString();
	}

	/**
	 * Return the text of message content: a string or an array of blocks with
	 * {@code text} (or nested {@code content} for tool results).
	 * @param content the content node
	 * @return the text, empty when none
	 */
	static String text(@Nullable JsonNode content) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.asString();
		}
		List<String> parts = new ArrayList<>();
		if (content.isArray()) {
			for (JsonNode block : content) {
				if (block.isString()) {
					parts.add(block.asString());
				}
				else if (block.hasNonNull("text")) {
					parts.add(block.get("text").asString());
				}
				else if (block.has("content")) {
					parts.add(text(block.get("content")));
				}
			}
		}
		return String.join(" ", parts);
	}

	static @Nullable Integer optionalInt(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && value.isIntegralNumber()) ? value.asInt() : null;
	}

	static List<String> strings(@Nullable JsonNode value) {
		List<String> strings = new ArrayList<>();
		if (value != null && value.isString()) {
			strings.add(value.asString());
		}
		else if (value != null && value.isArray()) {
			for (JsonNode item : value) {
				strings.add(item.asString());
			}
		}
		return strings;
	}

	/**
	 * Return whether a model thinks: {@code deepseek-chat} never,
	 * {@code deepseek-reasoner} always, the others unless {@code thinking.type} is
	 * {@code disabled}.
	 * @param model the requested model
	 * @param thinking the {@code thinking} field, or {@code null}
	 * @return whether the answer carries reasoning
	 */
	static boolean thinking(String model, @Nullable JsonNode thinking) {
		if ("deepseek-chat".equals(model)) {
			return false;
		}
		if ("deepseek-reasoner".equals(model)) {
			return true;
		}
		return thinking == null || !"disabled".equals(thinking.path("type").asString(""));
	}

}
