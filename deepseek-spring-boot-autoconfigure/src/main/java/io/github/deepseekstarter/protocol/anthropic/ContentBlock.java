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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One content block of a message: {@code text}, {@code thinking}, {@code tool_use} or
 * {@code tool_result}; only the fields of its type are set.
 *
 * @param type the block type
 * @param text the text of a {@code text} block
 * @param thinking the reasoning of a {@code thinking} block
 * @param signature the signature of a {@code thinking} block
 * @param id the id of a {@code tool_use} block
 * @param name the tool name of a {@code tool_use} block
 * @param input the arguments of a {@code tool_use} block
 * @param toolUseId the {@code tool_use} id a {@code tool_result} block answers
 * @param content the result text of a {@code tool_result} block
 * @param isError whether a {@code tool_result} reports a failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlock(String type, @Nullable String text, @Nullable String thinking, @Nullable String signature,
		@Nullable String id, @Nullable String name, @Nullable Map<String, Object> input, @Nullable String toolUseId,
		@Nullable String content, @Nullable Boolean isError) {

	/** The type of a text block. */
	public static final String TEXT = "text";

	/** The type of a reasoning block. */
	public static final String THINKING = "thinking";

	/** The type of a tool call block. */
	public static final String TOOL_USE = "tool_use";

	/** The type of a tool result block. */
	public static final String TOOL_RESULT = "tool_result";

	/**
	 * A text block.
	 * @param text the text
	 * @return the block
	 */
	public static ContentBlock text(String text) {
		return new ContentBlock(TEXT, text, null, null, null, null, null, null, null, null);
	}

	/**
	 * A reasoning block, for earlier assistant turns.
	 * @param thinking the reasoning
	 * @param signature its signature, if the server gave one
	 * @return the block
	 */
	public static ContentBlock thinking(String thinking, @Nullable String signature) {
		return new ContentBlock(THINKING, null, thinking, (signature != null) ? signature : "", null, null, null, null,
				null, null);
	}

	/**
	 * A tool call of an earlier assistant turn.
	 * @param id the call id
	 * @param name the tool name
	 * @param input the arguments
	 * @return the block
	 */
	public static ContentBlock toolUse(String id, String name, Map<String, Object> input) {
		return new ContentBlock(TOOL_USE, null, null, null, id, name, input, null, null, null);
	}

	/**
	 * The result of a tool call.
	 * @param toolUseId the id of the call it answers
	 * @param content the result
	 * @return the block
	 */
	public static ContentBlock toolResult(String toolUseId, String content) {
		return new ContentBlock(TOOL_RESULT, null, null, null, null, null, null, toolUseId, content, null);
	}

	/**
	 * Whether this block has the given type.
	 * @param blockType the type
	 * @return {@code true} when it has
	 */
	public boolean is(String blockType) {
		return blockType.equals(this.type);
	}

}
