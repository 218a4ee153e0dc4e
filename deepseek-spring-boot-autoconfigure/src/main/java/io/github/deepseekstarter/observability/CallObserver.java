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

package io.github.deepseekstarter.observability;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Follows one call from start to end. Methods are called on the call's threads, often a
 * Netty event loop: they must be quick and must not block or throw.
 */
public interface CallObserver {

	/** An observer that records nothing. */
	CallObserver NONE = new CallObserver() {
	};

	/**
	 * DeepSeek answered an attempt with this status (200 for a success); a 429 here came
	 * from the server, not from the local lanes.
	 * @param status the HTTP status
	 */
	default void onResponse(int status) {
	}

	/**
	 * The first byte that was not a keep-alive arrived.
	 * @param metadata the keep-alives seen and the wait until then (the server's queue
	 * time)
	 */
	default void onFirstByte(ResponseMetadata metadata) {
	}

	/**
	 * The first generated token arrived (content or reasoning); for a stream, its first
	 * delta.
	 */
	default void onFirstToken() {
	}

	/**
	 * The answer, or a chunk of a streamed answer, told its id, model or finish reasons;
	 * called before {@link #onFirstToken()} and {@link #onUsage(TokenUsage)} for the same
	 * chunk.
	 * @param details what the answer or chunk carries
	 */
	default void onResponseDetails(ResponseDetails details) {
	}

	/**
	 * The server reported the call's token usage.
	 * @param usage the usage
	 */
	default void onUsage(TokenUsage usage) {
	}

	/**
	 * Where the call's conversation is to be recorded; the template converts the request
	 * and the answer only for an observer that returns a recorder.
	 * @return the recorder, or {@code null} (the default) when content is not recorded
	 */
	default @Nullable ConversationRecorder conversation() {
		return null;
	}

	/**
	 * The call ended: completed ({@code error} null), failed, or was cancelled by its
	 * subscriber.
	 * @param error the failure, if any
	 * @param cancelled whether the subscriber cancelled
	 */
	default void onEnd(@Nullable Throwable error, boolean cancelled) {
	}

}
