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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Whether and which tool the model must call.
 *
 * @param type {@code auto}, {@code any}, {@code none} or {@code tool}
 * @param name the tool of type {@code tool}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolChoice(String type, @Nullable String name) {

	/** The model decides. */
	public static final ToolChoice AUTO = new ToolChoice("auto", null);

	/** The model must call some tool. */
	public static final ToolChoice ANY = new ToolChoice("any", null);

	/** The model calls no tool. */
	public static final ToolChoice NONE = new ToolChoice("none", null);

	/**
	 * Forces a call of the named tool.
	 * @param name the tool name
	 * @return the choice
	 */
	public static ToolChoice tool(String name) {
		return new ToolChoice("tool", name);
	}

}
