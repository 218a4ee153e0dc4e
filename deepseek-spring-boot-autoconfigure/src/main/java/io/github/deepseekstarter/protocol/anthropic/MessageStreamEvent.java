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

package io.github.deepseekstarter.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed message; only the fields of its type are set.
 *
 * @param type {@code message_start}, {@code content_block_start},
 * {@code content_block_delta}, {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}, {@code ping} or {@code error}
 * @param message the message so far, on {@code message_start}
 * @param index the content block index, on block events
 * @param contentBlock the block that starts, on {@code content_block_start}
 * @param delta what a block or the message gains, on the delta events
 * @param usage the usage so far, on {@code message_delta}
 * @param error the error, on {@code error}
 * @param metadata what the client saw besides the content (keep-alives, wait); not part
 * of the wire format
 */
public record MessageStreamEvent(@Nullable String type, @Nullable Message message, @Nullable Integer index,
		@Nullable ContentBlock contentBlock, @Nullable Delta delta, @Nullable Usage usage, @Nullable Error error,
		@JsonIgnore @Nullable ResponseMetadata metadata) {

	/** The event that starts a message. */
	public static final String MESSAGE_START = "message_start";

	/** The event that starts a content block. */
	public static final String CONTENT_BLOCK_START = "content_block_start";

	/** The event that adds to a content block. */
	public static final String CONTENT_BLOCK_DELTA = "content_block_delta";

	/** The event that ends a content block. */
	public static final String CONTENT_BLOCK_STOP = "content_block_stop";

	/** The event that carries the stop reason and the usage. */
	public static final String MESSAGE_DELTA = "message_delta";

	/** The event that ends a message. */
	public static final String MESSAGE_STOP = "message_stop";

	/** The event that reports a failure. */
	public static final String ERROR = "error";

	/**
	 * A copy with the client's metadata and a type.
	 * @param type the type, taken from the event name when the data names none
	 * @param metadata the metadata
	 * @return the copy
	 */
	public MessageStreamEvent with(@Nullable String type, ResponseMetadata metadata) {
		return new MessageStreamEvent(type, this.message, this.index, this.contentBlock, this.delta, this.usage,
				this.error, metadata);
	}

	/**
	 * What a delta event adds: a fragment of a block ({@code text_delta},
	 * {@code thinking_delta}, {@code input_json_delta}, {@code signature_delta}) or the
	 * end of the message ({@code stop_reason}).
	 *
	 * @param type the delta type, for block deltas
	 * @param text a text fragment
	 * @param thinking a reasoning fragment
	 * @param partialJson a fragment of a tool call's input
	 * @param signature the signature of a thinking block
	 * @param stopReason why the message stopped, on {@code message_delta}
	 * @param stopSequence the stop sequence that ended it, if any
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delta(@Nullable String type, @Nullable String text, @Nullable String thinking,
			@Nullable String partialJson, @Nullable String signature, @Nullable StopReason stopReason,
			@Nullable String stopSequence) {

		/** A text fragment. */
		public static final String TEXT_DELTA = "text_delta";

		/** A reasoning fragment. */
		public static final String THINKING_DELTA = "thinking_delta";

		/** A fragment of a tool call's input. */
		public static final String INPUT_JSON_DELTA = "input_json_delta";

	}

	/**
	 * The error of an {@code error} event.
	 *
	 * @param type the error type, such as {@code overloaded_error}
	 * @param message the server's message
	 */
	public record Error(@Nullable String type, @Nullable String message) {
	}

}
