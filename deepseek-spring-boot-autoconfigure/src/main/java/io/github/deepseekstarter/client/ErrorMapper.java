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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.protocol.ApiError;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an error response, or an error envelope where an answer was expected, and hands
 * its status, envelope and {@code Retry-After} to {@link DeepSeekApiException#create},
 * which picks the typed exception of the status.
 */
final class ErrorMapper {

	private ErrorMapper() {
	}

	static DeepSeekApiException toException(int status, @Nullable String body, @Nullable String retryAfterHeader) {
		ApiError error = ApiError.parse(body);
		Duration retryAfter = parseRetryAfter(retryAfterHeader);
		return DeepSeekApiException.create(status, error.message(), error.type(), error.code(), retryAfter,
				error.concurrencyLimit());
	}

	/**
	 * Turns an error reported where an answer was expected (an event of a stream, or the
	 * body of a 200 answer), which has no status of its own, into the exception of the
	 * status its type or code stands for, so that the lanes learn from a 429 and the
	 * retry rules apply as to the status itself. DeepSeek sends it in its own envelope or
	 * in Anthropic's.
	 * @param body the event's data or the body
	 * @return the exception
	 */
	static DeepSeekApiException fromErrorBody(String body) {
		return toException(status(ApiError.parse(body)), body, null);
	}

	/**
	 * The exception of an error envelope sent where an answer or an event was expected.
	 * @param json the body or the event's data
	 * @return the exception, or {@code null} when the JSON is not an error envelope
	 */
	static @Nullable DeepSeekApiException fromEnvelope(String json) {
		if (!startsLikeEnvelope(json) || !isEnvelope(json)) {
			return null;
		}
		return fromErrorBody(json);
	}

	/**
	 * The exception of an error envelope sent where an answer was expected.
	 * @param json the UTF-8 bytes of the body
	 * @return the exception, or {@code null} when the JSON is not an error envelope
	 */
	static @Nullable DeepSeekApiException fromEnvelope(byte[] json) {
		if (!startsLikeEnvelope(new Ascii(json))) {
			return null;
		}
		String text = new String(json, StandardCharsets.UTF_8);
		return isEnvelope(text) ? fromErrorBody(text) : null;
	}

	private static boolean isEnvelope(String json) {
		try {
			JsonNode root = DeepSeekJson.mapper().readTree(json);
			return root.path("error").isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static int status(ApiError error) {
		String type = (error.type() != null) ? error.type() : "";
		String code = (error.code() != null) ? error.code() : "";
		if ("rate_limit_error".equals(type) || "rate_limit_error".equals(code)) {
			return 429;
		}
		if ("overloaded_error".equals(type) || "server_overloaded".equals(code)) {
			return 503;
		}
		// DeepSeek's 402 has the type unknown_error; only its message tells it apart.
		if ("billing_error".equals(type) || error.message().toLowerCase(Locale.ROOT).contains("insufficient balance")) {
			return 402;
		}
		return switch (type) {
			case "invalid_request_error" -> 400;
			case "authentication_error" -> 401;
			case "permission_error" -> 403;
			case "not_found_error" -> 404;
			default -> 500;
		};
	}

	/**
	 * Whether the JSON's first member is {@code "error"}, or {@code "type": "error"}, as
	 * in both envelopes; an answer or a chunk starts otherwise, so most are told apart
	 * without parsing them.
	 */
	private static boolean startsLikeEnvelope(CharSequence json) {
		int i = skipWhitespace(json, 0);
		if (i >= json.length() || json.charAt(i) != '{') {
			return false;
		}
		i = skipWhitespace(json, i + 1);
		if (startsWith(json, "\"error\"", i)) {
			return true;
		}
		if (!startsWith(json, "\"type\"", i)) {
			return false;
		}
		i = skipWhitespace(json, i + 6);
		return i < json.length() && json.charAt(i) == ':' && startsWith(json, "\"error\"", skipWhitespace(json, i + 1));
	}

	private static boolean startsWith(CharSequence text, String prefix, int from) {
		if (from + prefix.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (text.charAt(from + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int skipWhitespace(CharSequence text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * UTF-8 bytes read one byte a character: the characters JSON's structure is made of
	 * are ASCII, and every byte of a longer UTF-8 sequence reads as no such character.
	 */
	private record Ascii(byte[] bytes) implements CharSequence {

		@Override
		public int length() {
			return this.bytes.length;
		}

		@Override
		public char charAt(int index) {
			return (char) (this.bytes[index] & 0xff);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(this.bytes, start, end - start, StandardCharsets.ISO_8859_1);
		}

		@Override
		public String toString() {
			return new String(this.bytes, StandardCharsets.ISO_8859_1);
		}

	}

	/**
	 * Reads {@code Retry-After} as seconds or as an HTTP date.
	 * @param value the header
	 * @return the delay, or {@code null} when absent or unreadable
	 */
	static @Nullable Duration parseRetryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			long seconds = Long.parseLong(text);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Duration delay = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
