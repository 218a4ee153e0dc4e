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

import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Translates the protocol-neutral chat types to and from one protocol's wire types.
 *
 * @param <Q> the protocol's request type
 * @param <R> the protocol's answer type
 * @param <C> the protocol's stream element type
 */
interface ChatMapping<Q, R, C> {

	/**
	 * Writes a neutral request in the protocol's terms.
	 * @param request the request
	 * @return the protocol's request
	 */
	Q request(ChatRequest request);

	/**
	 * Reads a whole answer in neutral terms.
	 * @param response the protocol's answer
	 * @return the neutral answer
	 */
	ChatResponse response(R response);

	/**
	 * A translator for one stream, which may keep state across its elements.
	 * @return a new translator
	 */
	DeltaMapper<C> deltas();

	/**
	 * The text, or an empty one where the wire left it out.
	 * @param text the text
	 * @return the text, never {@code null}
	 */
	static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * The answer's metadata, or none where the wire carried none.
	 * @param metadata the metadata
	 * @return the metadata, never {@code null}
	 */
	static ResponseMetadata metadata(@Nullable ResponseMetadata metadata) {
		return (metadata != null) ? metadata : ResponseMetadata.NONE;
	}

	/**
	 * Translates the elements of one stream.
	 *
	 * @param <C> the protocol's stream element type
	 */
	@FunctionalInterface
	interface DeltaMapper<C> {

		/**
		 * Translates one element.
		 * @param element the element
		 * @return the delta, or {@code null} when the element adds nothing
		 */
		@Nullable ChatDelta map(C element);

	}

}
