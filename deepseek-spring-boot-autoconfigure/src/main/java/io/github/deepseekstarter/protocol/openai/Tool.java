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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call. DeepSeek accepts up to 128 functions with names matching
 * {@code [a-zA-Z0-9_-]{1,64}}.
 *
 * @param type always {@code function}
 * @param function the function's declaration
 */
public record Tool(String type, Function function) {

	/**
	 * A function tool.
	 * @param name the function name
	 * @param description what the function does, for the model
	 * @param parameters the JSON schema of its arguments
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, Map<String, Object> parameters) {
		return new Tool("function", new Function(name, description, parameters, null));
	}

	/**
	 * Declaration of a function.
	 *
	 * @param name the function name
	 * @param description what it does
	 * @param parameters JSON schema of its arguments
	 * @param strict whether the arguments must follow the schema strictly (beta endpoint)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, @Nullable String description, @Nullable Map<String, Object> parameters,
			@Nullable Boolean strict) {
	}

}
