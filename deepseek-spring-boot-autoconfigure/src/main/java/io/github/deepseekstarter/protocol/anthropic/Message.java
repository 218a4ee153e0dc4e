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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /anthropic/v1/messages}.
 *
 * @param id the message id
 * @param type {@code message}
 * @param role {@code assistant}
 * @param model the model that answered
 * @param content the content blocks: thinking, text and tool calls
 * @param stopReason why generation stopped
 * @param stopSequence the stop sequence that ended it, if any
 * @param usage the token usage
 * @param metadata what the client saw besides the content (keep-alives, wait); not part
 * of the wire format
 */
public record Message(@Nullable String id, @Nullable String type, @Nullable String role, @Nullable String model,
		List<ContentBlock> content, @Nullable StopReason stopReason, @Nullable String stopSequence,
		@Nullable Usage usage, @JsonIgnore @Nullable ResponseMetadata metadata) {

	public Message {
		content = (content != null) ? List.copyOf(content) : List.of();
	}

	/**
	 * A copy with the client's metadata.
	 * @param metadata the metadata
	 * @return the copy
	 */
	public Message withMetadata(ResponseMetadata metadata) {
		return new Message(this.id, this.type, this.role, this.model, this.content, this.stopReason, this.stopSequence,
				this.usage, metadata);
	}

	/**
	 * The text of the {@code text} blocks, joined.
	 * @return the text, empty when there is none
	 */
	public String text() {
		return join(ContentBlock.TEXT);
	}

	/**
	 * The reasoning of the {@code thinking} blocks, joined.
	 * @return the reasoning, empty when there is none
	 */
	public String thinking() {
		return join(ContentBlock.THINKING);
	}

	/**
	 * The {@code tool_use} blocks.
	 * @return the tool calls, in order
	 */
	public List<ContentBlock> toolUses() {
		return this.content.stream().filter((block) -> block.is(ContentBlock.TOOL_USE)).toList();
	}

	private String join(String blockType) {
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : this.content) {
			if (block.is(blockType)) {
				String part = ContentBlock.TEXT.equals(blockType) ? block.text() : block.thinking();
				text.append((part != null) ? part : "");
			}
		}
		return text.toString();
	}

}
