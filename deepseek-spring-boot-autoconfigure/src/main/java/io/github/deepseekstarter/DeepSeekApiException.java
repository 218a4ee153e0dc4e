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
 * DeepSeek answered with an error status. Subclasses name each status of DeepSeek's error
 * table; other statuses are signalled as this type.
 */
public class DeepSeekApiException extends DeepSeekException {

	private final int status;

	private final String serverMessage;

	private final @Nullable String errorType;

	private final @Nullable String errorCode;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception for an error response.
	 * @param status the HTTP status
	 * @param serverMessage the server's message
	 * @param errorType the envelope's {@code type}
	 * @param errorCode the envelope's {@code code}
	 * @param retryAfter the {@code Retry-After} delay, if the server sent one
	 * @param hint what the caller can do about it, appended to the message
	 */
	public DeepSeekApiException(int status, String serverMessage, @Nullable String errorType,
			@Nullable String errorCode, @Nullable Duration retryAfter, String hint) {
		super("DeepSeek answered " + status + ((errorType != null) ? " (" + errorType + ")" : "") + ": " + serverMessage
				+ (hint.isEmpty() ? "" : ". " + hint));
		this.status = status;
		this.serverMessage = serverMessage;
		this.errorType = errorType;
		this.errorCode = errorCode;
		this.retryAfter = retryAfter;
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

}
