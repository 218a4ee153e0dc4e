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

import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import org.jspecify.annotations.Nullable;

/**
 * Turns the events of one stream into its elements and remembers what the stream has
 * delivered, so that an interruption keeps the partial output. Used by one stream at a
 * time, its events arriving in order.
 *
 * @param <C> the element type
 */
interface StreamDecoder<C> {

	/**
	 * Decodes one event.
	 * @param event the event
	 * @param metadata the keep-alives and the wait seen before the stream started
	 * @return the element to emit, or {@code null} when the event adds none
	 * @throws DeepSeekException when the event reports an error or cannot be read
	 */
	@Nullable C decode(ServerSentEvent event, ResponseMetadata metadata);

	/**
	 * Whether the stream's end marker arrived.
	 * @return {@code true} once done
	 */
	boolean isDone();

	/**
	 * Whether an element was emitted, after which the call can no longer be retried.
	 * @return {@code true} after the first element
	 */
	boolean hasOutput();

	/**
	 * Whether a generated token (content or reasoning) arrived.
	 * @return {@code true} after the first token
	 */
	boolean hasToken();

	/**
	 * The usage reported by the last decoded event, once.
	 * @return the usage, or {@code null} when that event reported none
	 */
	@Nullable TokenUsage takeUsage();

	/**
	 * The exception of a stream cut before its end, with the partial output.
	 * @param cause what cut it, or {@code null} when it ended without its end marker
	 * @return the exception
	 */
	DeepSeekException interrupted(@Nullable Throwable cause);

}
