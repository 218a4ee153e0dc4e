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

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request the emulator received, as recorded for assertions. Secret headers
 * ({@code Authorization}, {@code x-api-key}) are removed before recording.
 *
 * @param sequence the 1-based arrival number since start or the last reset
 * @param method the HTTP method
 * @param path the request path without query string
 * @param headers the headers, names in lower case, without secrets
 * @param json the parsed JSON body, or {@code null} when the body is empty or not JSON
 * @param body the raw body text
 */
public record RecordedRequest(long sequence, String method, String path, Map<String, List<String>> headers,
		@Nullable JsonNode json, String body) {

	/**
	 * Return the first value of a header.
	 * @param name the header name, any case
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return the model named in the body.
	 * @return the model, or {@code null} when absent
	 */
	public @Nullable String model() {
		return text(this.json, "model");
	}

	/**
	 * Return the user id of the body: the top-level {@code user_id} (OpenAI format) or
	 * {@code metadata.user_id} (Anthropic format).
	 * @return the user id, or {@code null} when absent
	 */
	public @Nullable String userId() {
		String userId = text(this.json, "user_id");
		if (userId == null && this.json != null) {
			userId = text(this.json.get("metadata"), "user_id");
		}
		return userId;
	}

	/**
	 * Return whether the body asks for a stream.
	 * @return {@code true} for {@code "stream": true}
	 */
	public boolean stream() {
		return this.json != null && this.json.path("stream").asBoolean(false);
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
