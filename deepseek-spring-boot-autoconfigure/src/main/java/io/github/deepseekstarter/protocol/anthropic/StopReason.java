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

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a message stopped.
 */
public enum StopReason {

	/** A natural end of the turn. */
	@JsonProperty("end_turn")
	END_TURN,

	/** The token limit of the request was reached. */
	@JsonProperty("max_tokens")
	MAX_TOKENS,

	/** One of the stop sequences was generated. */
	@JsonProperty("stop_sequence")
	STOP_SEQUENCE,

	/** The model called tools. */
	@JsonProperty("tool_use")
	TOOL_USE,

	/** A long turn was paused. */
	@JsonProperty("pause_turn")
	PAUSE_TURN,

	/** The model refused to answer. */
	@JsonProperty("refusal")
	REFUSAL,

	/**
	 * DeepSeek ran out of inference resources; it passes this OpenAI-format reason
	 * through.
	 */
	@JsonProperty("insufficient_system_resource")
	INSUFFICIENT_SYSTEM_RESOURCE,

	/** A reason this client does not know yet. */
	@JsonEnumDefaultValue
	UNKNOWN

}
