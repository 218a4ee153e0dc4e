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

/**
 * Why generation stopped, in terms both protocols share: OpenAI's {@code finish_reason}
 * and Anthropic's {@code stop_reason} map onto it.
 */
public enum ChatFinishReason {

	/**
	 * A natural stop or a stop sequence ({@code stop}, {@code end_turn},
	 * {@code stop_sequence}).
	 */
	STOP,

	/** The token limit was reached ({@code length}, {@code max_tokens}). */
	LENGTH,

	/** The model called tools ({@code tool_calls}, {@code tool_use}). */
	TOOL_CALLS,

	/** The content was filtered or refused ({@code content_filter}, {@code refusal}). */
	CONTENT_FILTER,

	/** DeepSeek ran out of inference resources and cut the answer short. */
	INSUFFICIENT_SYSTEM_RESOURCE,

	/** A reason this client does not know. */
	UNKNOWN

}
