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

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer in DeepSeek's OpenAI-style envelope
 * {@code {"error":{"message","type","param":null,"code"}}}, which both API formats use.
 *
 * @param status the HTTP status
 * @param message the error message
 * @param type the error type
 * @param code the error code
 * @param retryAfter the {@code Retry-After} to send, or {@code null} for none
 */
record ApiError(int status, String message, String type, String code, @Nullable Duration retryAfter) {

	static final String INVALID_REQUEST = "invalid_request_error";

	static final String USER_ID_MESSAGE = "Invalid 'user_id': string does not match pattern. "
			+ "Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.";

	static ApiError invalidRequest(String message) {
		return new ApiError(400, message, INVALID_REQUEST, INVALID_REQUEST, null);
	}

	static ApiError invalidUserId() {
		return invalidRequest(USER_ID_MESSAGE);
	}

	static ApiError authentication() {
		return new ApiError(401, "Authentication Fails (no such user)", "authentication_error", INVALID_REQUEST, null);
	}

	static ApiError insufficientBalance() {
		return new ApiError(402, "Insufficient Balance", "unknown_error", INVALID_REQUEST, null);
	}

	static ApiError tooManyRequests(int concurrency, int limit) {
		return new ApiError(429,
				"Too many requests. Your current concurrency is " + concurrency
						+ ", which exceeds your concurrency limit of " + limit + " based on your remaining balance",
				"rate_limit_error", "rate_limit_error", null);
	}

	static ApiError notFound(String path) {
		return new ApiError(404, "Not Found: " + path, INVALID_REQUEST, INVALID_REQUEST, null);
	}

	static ApiError methodNotAllowed(String method) {
		return new ApiError(405, "Method Not Allowed: " + method, INVALID_REQUEST, INVALID_REQUEST, null);
	}

	/**
	 * Return DeepSeek's answer for a status, as injected by {@link Fault#status(int)}.
	 * @param status the status
	 * @param message the message, or {@code null} for DeepSeek's own
	 * @param lane the lane the request was routed to, for the 429 message
	 * @return the error
	 */
	static ApiError forStatus(int status, @Nullable String message, LaneState lane) {
		ApiError error = switch (status) {
			case 400 -> invalidRequest("Invalid Format");
			case 401 -> authentication();
			case 402 -> insufficientBalance();
			case 422 -> new ApiError(422, "Invalid Parameters", INVALID_REQUEST, INVALID_REQUEST, null);
			case 429 -> tooManyRequests(lane.limit() + 1, lane.limit());
			case 500 -> new ApiError(500, "Server Error", "server_error", "server_error", null);
			case 503 -> new ApiError(503, "Server Overloaded", "server_error", "server_overloaded", null);
			default -> new ApiError(status, "Error " + status, "server_error", "server_error", null);
		};
		return (message != null) ? new ApiError(status, message, error.type, error.code, null) : error;
	}

	ApiError withRetryAfter(@Nullable Duration retryAfter) {
		return new ApiError(this.status, this.message, this.type, this.code, retryAfter);
	}

	/**
	 * Return the body in Anthropic's error format, used by the Anthropic-format endpoint
	 * when DeepSeek's quirks are switched off.
	 */
	String anthropicBody() {
		String anthropicType = switch (this.status) {
			case 401 -> "authentication_error";
			case 402 -> "billing_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 429 -> "rate_limit_error";
			case 503, 529 -> "overloaded_error";
			default -> (this.status < 500) ? "invalid_request_error" : "api_error";
		};
		ObjectNode root = Json.object().put("type", "error");
		root.putObject("error").put("type", anthropicType).put("message", this.message);
		return Json.write(root);
	}

	String body() {
		ObjectNode root = Json.object();
		ObjectNode error = root.putObject("error");
		error.put("message", this.message);
		error.put("type", this.type);
		error.putNull("param");
		error.put("code", this.code);
		return Json.write(root);
	}

}
