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

import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Anthropic-format calls of a {@link DeepSeekTemplate}, with Anthropic's own types;
 * they share the template's lanes, tenant handling, retries and observation.
 */
public final class AnthropicOperations {

	private final CallPipeline pipeline;

	AnthropicOperations(CallPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Sends a message request and waits for the whole answer.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the message, with the keep-alives and the wait seen before it
	 */
	public Mono<Message> messages(MessageRequest request) {
		return messages(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Sends a message request with call options and waits for the whole answer.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing
	 * @return the message
	 */
	public Mono<Message> messages(MessageRequest request, DeepSeekCallOptions options) {
		return this.pipeline.call(AnthropicAdapter.INSTANCE, request, options);
	}

	/**
	 * Streams the answer to a message request event by event, {@code ping}s included;
	 * DeepSeek's trailing {@code [DONE]} is dropped. A stream cut after its first event,
	 * by the connection or by an {@code error} event, fails with
	 * {@link DeepSeekStreamInterruptedException}, which keeps the partial output.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the events
	 */
	public Flux<MessageStreamEvent> messagesStream(MessageRequest request) {
		return messagesStream(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Streams the answer to a message request with call options.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing
	 * @return the events
	 */
	public Flux<MessageStreamEvent> messagesStream(MessageRequest request, DeepSeekCallOptions options) {
		return this.pipeline.stream(AnthropicAdapter.INSTANCE, request, options);
	}

}
