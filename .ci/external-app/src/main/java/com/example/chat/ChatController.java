package com.example.chat;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The controller of README.md's "Use it", unchanged.
@RestController
class ChatController {

	private final DeepSeekTemplate deepSeek;

	ChatController(DeepSeekTemplate deepSeek) {
		this.deepSeek = deepSeek;
	}

	@GetMapping("/chat")
	Mono<String> chat(@RequestParam String message) {
		return this.deepSeek.chat(ChatCompletionRequest.of(message)).map(ChatCompletion::content);
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> stream(@RequestParam String message) {
		return this.deepSeek.chatStream(ChatCompletionRequest.of(message)).mapNotNull(ChatCompletionChunk::content);
	}

}
