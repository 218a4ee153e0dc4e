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

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.observability.ResponseDetails;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * What differs between DeepSeek's wire formats: the path, the body with its model and
 * {@code user_id} placement, and the decoding of answers. Everything else (identity,
 * admission, retries, timeouts, observation) is the {@link CallPipeline}'s, so adding a
 * protocol means writing one adapter.
 *
 * @param <Q> the request type
 * @param <R> the type of a whole answer
 * @param <C> the type of one streamed element
 */
interface ProtocolAdapter<Q, R, C> {

	/**
	 * The wire format.
	 * @return the protocol
	 */
	DeepSeekProtocol protocol();

	/**
	 * The path of the call below the base URL.
	 * @return the path
	 */
	String path();

	/**
	 * The model the request names.
	 * @param request the request
	 * @return the model, or {@code null} for the default
	 */
	@Nullable String model(Q request);

	/**
	 * The DeepSeek model, and so the lane, a model name runs on.
	 * @param model the name as the request gives it
	 * @return the DeepSeek model name
	 */
	default String laneModel(String model) {
		return model;
	}

	/**
	 * The {@code user_id} set explicitly on the request.
	 * @param request the request
	 * @return the id, or {@code null} to resolve it
	 */
	@Nullable String userId(Q request);

	/**
	 * Writes the request body.
	 * @param request the request
	 * @param model the DeepSeek model the permit routes the call to
	 * @param userId the resolved {@code user_id}, placed where the protocol expects it
	 * @param stream whether the answer is streamed
	 * @return the JSON body
	 */
	byte[] body(Q request, String model, @Nullable String userId, boolean stream);

	/**
	 * Reads a whole answer.
	 * @param json the body's UTF-8 bytes
	 * @param metadata the keep-alives and the wait seen before it
	 * @return the answer
	 */
	R response(byte[] json, ResponseMetadata metadata);

	/**
	 * The usage an answer reports.
	 * @param response the answer
	 * @return the usage, or {@code null}
	 */
	@Nullable TokenUsage usage(R response);

	/**
	 * The id, model and finish reasons an answer carries, for observability.
	 * @param response the answer
	 * @return the details, or {@code null} when the answer carries none
	 */
	default @Nullable ResponseDetails responseDetails(R response) {
		return null;
	}

	/**
	 * The id, model and finish reasons one element of a stream carries, for
	 * observability.
	 * @param chunk the element
	 * @return the details, or {@code null} when the element carries none
	 */
	default @Nullable ResponseDetails chunkDetails(C chunk) {
		return null;
	}

	/**
	 * Records the system instructions and messages a request sends; called only when
	 * content recording is on.
	 * @param request the request
	 * @param conversation where to record them
	 */
	default void recordInput(Q request, ConversationRecorder conversation) {
	}

	/**
	 * Records what an answer says; called only when content recording is on.
	 * @param response the answer
	 * @param conversation where to record it
	 */
	default void recordOutput(R response, ConversationRecorder conversation) {
	}

	/**
	 * Records what one element of a stream adds to the answer; called only when content
	 * recording is on.
	 * @param chunk the element
	 * @param conversation where to record it
	 */
	default void recordChunk(C chunk, ConversationRecorder conversation) {
	}

	/**
	 * A decoder for one stream.
	 * @return a new decoder
	 */
	StreamDecoder<C> streamDecoder();

}
