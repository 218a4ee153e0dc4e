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

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the model may use the offered tools: {@code none}, {@code auto}, {@code required}
 * or one named function.
 */
public final class ToolChoice {

	/** The model calls no tool. */
	public static final ToolChoice NONE = new ToolChoice("none");

	/** The model decides. */
	public static final ToolChoice AUTO = new ToolChoice("auto");

	/** The model must call at least one tool. */
	public static final ToolChoice REQUIRED = new ToolChoice("required");

	private final Object value;

	private ToolChoice(Object value) {
		this.value = value;
	}

	/**
	 * Forces a call of the named function.
	 * @param name the function name
	 * @return the choice
	 */
	public static ToolChoice function(String name) {
		return new ToolChoice(Map.of("type", "function", "function", Map.of("name", name)));
	}

	@JsonValue
	Object value() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ToolChoice choice && this.value.equals(choice.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return String.valueOf(this.value);
	}

}
