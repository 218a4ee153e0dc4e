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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A function call made by the model. In a streamed delta, {@code index} says which call a
 * fragment belongs to and the other fields arrive in pieces.
 *
 * @param index position of the call in a streamed delta
 * @param id the call id, to be echoed by the tool message that answers it
 * @param type always {@code function}
 * @param function the function name and its JSON arguments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type,
		@Nullable FunctionCall function) {

	/**
	 * A complete function call.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as a JSON text
	 * @return the call
	 */
	public static ToolCall function(String id, String name, String arguments) {
		return new ToolCall(null, id, "function", new FunctionCall(name, arguments));
	}

	/**
	 * Name and arguments of a function call.
	 *
	 * @param name the function name
	 * @param arguments the arguments, a JSON text (possibly a fragment in a streamed
	 * delta)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FunctionCall(@Nullable String name, @Nullable String arguments) {
	}

}
