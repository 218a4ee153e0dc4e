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

package io.github.deepseekstarter.samples.tenants;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat endpoints of signed-in users: {@code GET /chat?message=...} answers with the whole
 * reply, {@code GET /chat/stream?message=...} streams it as server-sent events. The
 * caller's tenant reaches DeepSeek as the HMAC pseudonym {@code user_id}.
 */
@RestController
class ChatController {

	private final DeepSeekTemplate deepSeek;

	ChatController(DeepSeekTemplate deepSeek) {
		this.deepSeek = deepSeek;
	}

	@GetMapping("/chat")
	Mono<ChatReply> chat(@RequestParam String message) {
		return this.deepSeek.chat(ChatCompletionRequest.of(message)).map(ChatReply::of);
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Fragment>> stream(@RequestParam String message) {
		// JSON fragments, since a bare SSE data line would lose a token's leading space.
		return this.deepSeek.chatStream(ChatCompletionRequest.of(message))
			.filter((chunk) -> chunk.content() != null && !chunk.content().isEmpty())
			.map((chunk) -> ServerSentEvent.builder(new Fragment(chunk.content())).build());
	}

	/**
	 * One streamed piece of the answer.
	 *
	 * @param content the text of the piece
	 */
	record Fragment(String content) {

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
