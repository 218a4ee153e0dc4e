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

/**
 * One turn of the conversation sent in a {@link MessageRequest}.
 *
 * @param role {@code user} or {@code assistant}
 * @param content the content blocks
 */
public record MessageParam(String role, List<ContentBlock> content) {

	public MessageParam {
		content = List.copyOf(content);
	}

	/**
	 * A user turn with text.
	 * @param text the user's text
	 * @return the turn
	 */
	public static MessageParam user(String text) {
		return new MessageParam("user", List.of(ContentBlock.text(text)));
	}

	/**
	 * An assistant turn with text, for earlier turns of a conversation.
	 * @param text the assistant's text
	 * @return the turn
	 */
	public static MessageParam assistant(String text) {
		return new MessageParam("assistant", List.of(ContentBlock.text(text)));
	}

}
