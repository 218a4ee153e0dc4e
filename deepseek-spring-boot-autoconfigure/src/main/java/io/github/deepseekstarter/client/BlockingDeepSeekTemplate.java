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

package io.github.deepseekstarter.client;

import java.util.stream.Stream;

import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.openai.Balance;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ModelList;

/**
 * The calls of {@link DeepSeekTemplate} for threads that may block, such as a servlet
 * container's. Never call it from a reactive pipeline: it waits on the calling thread.
 */
public final class BlockingDeepSeekTemplate {

	private final DeepSeekTemplate template;

	BlockingDeepSeekTemplate(DeepSeekTemplate template) {
		this.template = template;
	}

	/**
	 * Sends a protocol-neutral chat request in the template's wire format and waits for
	 * the answer.
	 * @param request the request
	 * @return the answer
	 */
	public ChatResponse chat(ChatRequest request) {
		return chat(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Sends a protocol-neutral chat request with call options and waits for the answer.
	 * @param request the request
	 * @param options priority, overflow routing and wire format
	 * @return the answer
	 */
	public ChatResponse chat(ChatRequest request, DeepSeekCallOptions options) {
		return this.template.chat(request, options).contextWrite(this.template.userIds().captureCaller()).block();
	}

	/**
	 * Streams the answer to a protocol-neutral chat request. Close the stream
	 * (try-with-resources) to stop reading early; that cancels the request and frees its
	 * permit.
	 * @param request the request
	 * @return the deltas, as they arrive
	 */
	public Stream<ChatDelta> chatStream(ChatRequest request) {
		return chatStream(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Streams the answer to a protocol-neutral chat request with call options.
	 * @param request the request
	 * @param options priority, overflow routing and wire format
	 * @return the deltas, as they arrive
	 */
	public Stream<ChatDelta> chatStream(ChatRequest request, DeepSeekCallOptions options) {
		return this.template.chatStream(request, options)
			.contextWrite(this.template.userIds().captureCaller())
			.toStream(1);
	}

	/**
	 * Sends an Anthropic-format message request and waits for the answer.
	 * @param request the request
	 * @return the message
	 */
	public Message messages(MessageRequest request) {
		return this.template.anthropic()
			.messages(request)
			.contextWrite(this.template.userIds().captureCaller())
			.block();
	}

	/**
	 * Sends a chat completion request and waits for the answer.
	 * @param request the request
	 * @return the completion
	 */
	public ChatCompletion chat(ChatCompletionRequest request) {
		return this.template.chat(request).contextWrite(this.template.userIds().captureCaller()).block();
	}

	/**
	 * Streams a chat completion. Close the stream (try-with-resources) to stop reading
	 * early; that cancels the request and frees its permit.
	 * @param request the request
	 * @return the chunks, as they arrive
	 */
	public Stream<ChatCompletionChunk> chatStream(ChatCompletionRequest request) {
		return this.template.chatStream(request).contextWrite(this.template.userIds().captureCaller()).toStream(1);
	}

	/**
	 * Lists the models the account can use.
	 * @return the models
	 */
	public ModelList models() {
		return this.template.models().block();
	}

	/**
	 * Reads the account balance.
	 * @return the balance
	 */
	public Balance balance() {
		return this.template.balance().block();
	}

}
