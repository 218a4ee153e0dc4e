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

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekAuthenticationException;
import io.github.deepseekstarter.DeepSeekBadRequestException;
import io.github.deepseekstarter.DeepSeekInsufficientBalanceException;
import io.github.deepseekstarter.DeepSeekInvalidParametersException;
import io.github.deepseekstarter.DeepSeekOverloadedException;
import io.github.deepseekstarter.DeepSeekRateLimitException;
import io.github.deepseekstarter.DeepSeekServerErrorException;
import io.github.deepseekstarter.protocol.ApiError;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into the typed exception of its status.
 */
final class ErrorMapper {

	private ErrorMapper() {
	}

	static DeepSeekApiException toException(int status, @Nullable String body, @Nullable String retryAfterHeader) {
		ApiError error = ApiError.parse(body);
		Duration retryAfter = parseRetryAfter(retryAfterHeader);
		return switch (status) {
			case 400 -> new DeepSeekBadRequestException(error.message(), error.type(), error.code(), retryAfter);
			case 401 -> new DeepSeekAuthenticationException(error.message(), error.type(), error.code(), retryAfter);
			case 402 ->
				new DeepSeekInsufficientBalanceException(error.message(), error.type(), error.code(), retryAfter);
			case 422 -> new DeepSeekInvalidParametersException(error.message(), error.type(), error.code(), retryAfter);
			case 429 -> new DeepSeekRateLimitException(error.message(), error.type(), error.code(), retryAfter,
					error.concurrencyLimit());
			case 500 -> new DeepSeekServerErrorException(error.message(), error.type(), error.code(), retryAfter);
			case 503 -> new DeepSeekOverloadedException(error.message(), error.type(), error.code(), retryAfter);
			default -> new DeepSeekApiException(status, error.message(), error.type(), error.code(), retryAfter, "");
		};
	}

	/**
	 * Turns an error reported inside a stream, which has no status of its own, into the
	 * exception of the status its type stands for; DeepSeek sends it in its own envelope
	 * or in Anthropic's.
	 * @param body the event's data
	 * @return the exception
	 */
	static DeepSeekApiException fromStreamError(String body) {
		String type = ApiError.parse(body).type();
		int status = switch ((type != null) ? type : "") {
			case "invalid_request_error" -> 400;
			case "authentication_error" -> 401;
			case "permission_error" -> 403;
			case "not_found_error" -> 404;
			case "rate_limit_error" -> 429;
			case "overloaded_error" -> 503;
			default -> 500;
		};
		return toException(status, body, null);
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
