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

package io.github.deepseekstarter.protocol.openai;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why the model stopped generating.
 */
public enum FinishReason {

	/** A natural stop or a stop sequence. */
	@JsonProperty("stop")
	STOP,

	/** The token limit of the request or of the model was reached. */
	@JsonProperty("length")
	LENGTH,

	/** The content was filtered. */
	@JsonProperty("content_filter")
	CONTENT_FILTER,

	/** The model called tools. */
	@JsonProperty("tool_calls")
	TOOL_CALLS,

	/** DeepSeek ran out of inference resources and cut the response short. */
	@JsonProperty("insufficient_system_resource")
	INSUFFICIENT_SYSTEM_RESOURCE,

	/** A reason this client does not know yet. */
	@JsonEnumDefaultValue
	UNKNOWN

}
