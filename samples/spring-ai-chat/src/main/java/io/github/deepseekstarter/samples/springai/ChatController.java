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

package io.github.deepseekstarter.samples.springai;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /chat?message=...} answers with the whole reply, {@code GET /chat/stream}
 * streams it. Spring AI's {@code ChatClient} runs the tool loop; each model turn is a
 * call of {@code DeepSeekTemplate} with the caller's tenant.
 */
@RestController
class ChatController {

	private final ChatClient chatClient;

	private final WeatherTools tools;

	ChatController(ChatClient.Builder chatClient, WeatherTools tools) {
		this.chatClient = chatClient.defaultSystem("Answer briefly. Use the forecast tool for weather questions.")
			.build();
		this.tools = tools;
	}

	@GetMapping("/chat")
	String chat(@RequestParam String message) {
		return this.chatClient.prompt().user(message).tools(this.tools).call().content();
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> stream(@RequestParam String message) {
		return this.chatClient.prompt().user(message).tools(this.tools).stream().content();
	}

}
