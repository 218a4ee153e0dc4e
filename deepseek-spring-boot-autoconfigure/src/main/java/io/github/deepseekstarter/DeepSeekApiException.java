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

package io.github.deepseekstarter;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * DeepSeek answered with an error status. A nested subclass names each status of
 * DeepSeek's error table ({@link RateLimit} for 429, and so on); other statuses are
 * signalled as this type. Instances come from {@link #create}, which picks the subclass,
 * as Spring's {@code WebClientResponseException.create} does.
 */
public class DeepSeekApiException extends DeepSeekException {

	private final int status;

	private final String serverMessage;

	private final @Nullable String errorType;

	private final @Nullable String errorCode;

	private final @Nullable Duration retryAfter;

	DeepSeekApiException(int status, String serverMessage, @Nullable String errorType, @Nullable String errorCode,
			@Nullable Duration retryAfter, String hint) {
		super("DeepSeek answered " + status + ((errorType != null) ? " (" + errorType + ")" : "") + ": " + serverMessage
				+ (hint.isEmpty() ? "" : ". " + hint));
		this.status = status;
		this.serverMessage = serverMessage;
		this.errorType = errorType;
		this.errorCode = errorCode;
		this.retryAfter = retryAfter;
	}

	/**
	 * Creates the exception of a status, as the subclass that names it when DeepSeek's
	 * error table has one.
	 * @param status the HTTP status
	 * @param serverMessage the message of the server's error envelope
	 * @param errorType the envelope's {@code type}
	 * @param errorCode the envelope's {@code code}
	 * @param retryAfter the {@code Retry-After} delay, if the server sent one
	 * @param concurrencyLimit the concurrency limit a 429's message named, if any
	 * @return the exception
	 */
	public static DeepSeekApiException create(int status, String serverMessage, @Nullable String errorType,
			@Nullable String errorCode, @Nullable Duration retryAfter, @Nullable Integer concurrencyLimit) {
		return switch (status) {
			case 400 -> new BadRequest(serverMessage, errorType, errorCode, retryAfter);
			case 401 -> new Authentication(serverMessage, errorType, errorCode, retryAfter);
			case 402 -> new InsufficientBalance(serverMessage, errorType, errorCode, retryAfter);
			case 422 -> new InvalidParameters(serverMessage, errorType, errorCode, retryAfter);
			case 429 -> new RateLimit(serverMessage, errorType, errorCode, retryAfter, concurrencyLimit);
			case 500 -> new ServerError(serverMessage, errorType, errorCode, retryAfter);
			case 503 -> new Overloaded(serverMessage, errorType, errorCode, retryAfter);
			default -> new DeepSeekApiException(status, serverMessage, errorType, errorCode, retryAfter, "");
		};
	}

	/**
	 * The HTTP status.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The message from the server's error envelope.
	 * @return the message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * The envelope's {@code type}, such as {@code rate_limit_error}.
	 * @return the type, or {@code null}
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/**
	 * The envelope's {@code code}.
	 * @return the code, or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * The delay the server asked for with {@code Retry-After}; DeepSeek does not document
	 * one.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether DeepSeek's error table says that the same request may succeed later (429,
	 * 500 and 503).
	 * @return {@code true} for a transient error
	 */
	public boolean isTransient() {
		return this.status == 429 || this.status == 500 || this.status == 503;
	}

	/**
	 * DeepSeek rejected the request's format (400), for example an invalid
	 * {@code user_id}. Not retried.
	 */
	public static final class BadRequest extends DeepSeekApiException {

		BadRequest(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(400, serverMessage, errorType, errorCode, retryAfter, "Fix the request; it is not retried");
		}

	}

	/**
	 * DeepSeek did not accept the API key (401). Not retried.
	 */
	public static final class Authentication extends DeepSeekApiException {

		Authentication(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(401, serverMessage, errorType, errorCode, retryAfter, "Check " + DeepSeekPropertyNames.API_KEY);
		}

	}

	/**
	 * The DeepSeek account's balance is used up (402). Not retried.
	 */
	public static final class InsufficientBalance extends DeepSeekApiException {

		InsufficientBalance(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(402, serverMessage, errorType, errorCode, retryAfter, "Top up the DeepSeek account");
		}

	}

	/**
	 * DeepSeek rejected the request's parameters (422). Not retried.
	 */
	public static final class InvalidParameters extends DeepSeekApiException {

		InvalidParameters(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(422, serverMessage, errorType, errorCode, retryAfter,
					"Fix the request parameters; it is not retried");
		}

	}

	/**
	 * DeepSeek refused the request because the account (or the {@code user_id}) is at its
	 * concurrency limit (429). The message often names the real limit, which can be lower
	 * than the published one.
	 */
	public static final class RateLimit extends DeepSeekApiException {

		private final @Nullable Integer concurrencyLimit;

		RateLimit(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter, @Nullable Integer concurrencyLimit) {
			super(429, serverMessage, errorType, errorCode, retryAfter,
					"The client lowers the model's lane to the limit the server named and retries without holding a permit");
			this.concurrencyLimit = concurrencyLimit;
		}

		/**
		 * The concurrency limit the server's message named.
		 * @return the limit, or {@code null}
		 */
		public @Nullable Integer concurrencyLimit() {
			return this.concurrencyLimit;
		}

	}

	/**
	 * DeepSeek failed to answer (500). Retried after a brief wait.
	 */
	public static final class ServerError extends DeepSeekApiException {

		ServerError(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(500, serverMessage, errorType, errorCode, retryAfter, "");
		}

	}

	/**
	 * DeepSeek's servers are overloaded (503). Retried after a brief wait.
	 */
	public static final class Overloaded extends DeepSeekApiException {

		Overloaded(String serverMessage, @Nullable String errorType, @Nullable String errorCode,
				@Nullable Duration retryAfter) {
			super(503, serverMessage, errorType, errorCode, retryAfter, "");
		}

	}

}
