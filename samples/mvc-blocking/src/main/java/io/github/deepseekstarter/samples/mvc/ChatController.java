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

package io.github.deepseekstarter.samples.mvc;

import io.github.deepseekstarter.client.BlockingDeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /chat?message=...} answers with the whole reply. The call runs on the
 * servlet thread; the blocking template takes the caller's tenant from its
 * {@code SecurityContextHolder}.
 */
@RestController
class ChatController {

	private final BlockingDeepSeekTemplate deepSeek;

	ChatController(DeepSeekTemplate deepSeek) {
		this.deepSeek = deepSeek.blocking();
	}

	@GetMapping("/chat")
	ChatReply chat(@RequestParam String message) {
		return ChatReply.of(this.deepSeek.chat(ChatCompletionRequest.of(message)));
	}

	/**
	 * The reply of {@code /chat}.
	 *
	 * @param content the answer
	 * @param totalTokens the tokens the call used
	 */
	record ChatReply(String content, int totalTokens) {

		static ChatReply of(ChatCompletion completion) {
			return new ChatReply(String.valueOf(completion.content()),
					(completion.usage() != null) ? completion.usage().totalTokens() : 0);
		}

	}

}
