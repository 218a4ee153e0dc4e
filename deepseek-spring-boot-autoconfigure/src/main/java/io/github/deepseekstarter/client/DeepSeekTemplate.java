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
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.openai.Balance;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ModelList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The entry point for calling DeepSeek: protocol-neutral chat calls sent in the
 * configured wire format ({@link #chat(ChatRequest)}), the OpenAI format's own chat
 * completions, the Anthropic format's own messages ({@link #anthropic()}), the model list
 * and the account balance. Calls are reactive; {@link #blocking()} offers the same for
 * servlet applications. Every call, whatever its format, resolves the tenant's
 * {@code user_id}, waits for its model's lane and keeps the keep-alives DeepSeek sends
 * while a request is queued out of the data.
 */
public class DeepSeekTemplate {

	private final DeepSeekExchange exchange;

	private final CallPipeline pipeline;

	private final DeepSeekProtocol protocol;

	private final AnthropicOperations anthropic;

	private final BlockingDeepSeekTemplate blocking = new BlockingDeepSeekTemplate(this);

	DeepSeekTemplate(DeepSeekExchange exchange, CallPipeline pipeline, DeepSeekProtocol protocol) {
		this.exchange = exchange;
		this.pipeline = pipeline;
		this.protocol = protocol;
		this.anthropic = new AnthropicOperations(pipeline);
		DeepSeekJson.warmUp(ChatCompletion.class, ChatCompletionChunk.class, ChatCompletionRequest.class,
				ModelList.class, Balance.class, ObjectNode.class, Message.class, MessageRequest.class,
				MessageStreamEvent.class);
	}

	/**
	 * A builder for a template outside of Spring Boot's auto-configuration.
	 * @param webClient the web client, with base URL and authentication set
	 * @return the builder
	 */
	public static DeepSeekTemplateBuilder builder(WebClient webClient) {
		return new DeepSeekTemplateBuilder(webClient);
	}

	/**
	 * Sends a protocol-neutral chat request in the template's wire format and waits for
	 * the whole answer.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the answer: text, reasoning, tool calls, finish reason, usage and metadata
	 */
	public Mono<ChatResponse> chat(ChatRequest request) {
		return chat(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Sends a protocol-neutral chat request with call options and waits for the whole
	 * answer. The options may choose the wire format of this call.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority, overflow routing and wire format
	 * @return the answer
	 */
	public Mono<ChatResponse> chat(ChatRequest request, DeepSeekCallOptions options) {
		return this.pipeline.call(neutral(options), request, options);
	}

	/**
	 * Streams the answer to a protocol-neutral chat request in the template's wire
	 * format. The last delta carries the finish reason and the usage; a stream cut after
	 * its first delta fails with {@link DeepSeekStreamInterruptedException}, which keeps
	 * the partial output.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the deltas
	 */
	public Flux<ChatDelta> chatStream(ChatRequest request) {
		return chatStream(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Streams the answer to a protocol-neutral chat request with call options.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority, overflow routing and wire format
	 * @return the deltas
	 */
	public Flux<ChatDelta> chatStream(ChatRequest request, DeepSeekCallOptions options) {
		return this.pipeline.stream(neutral(options), request, options);
	}

	/**
	 * Sends an OpenAI-format chat completion request and waits for the whole answer.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the completion, with the keep-alives and the wait seen before it
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request) {
		return chat(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Sends an OpenAI-format chat completion request with call options and waits for the
	 * whole answer. The call waits for a permit of its model's lane (without blocking a
	 * thread), holds it until the answer's last byte, and is retried on transient errors
	 * without holding a permit while it waits.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing; the protocol is always OpenAI's
	 * @return the completion, with the keep-alives and the wait seen before it
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request, DeepSeekCallOptions options) {
		return this.pipeline.call(OpenAiAdapter.INSTANCE, request, options);
	}

	/**
	 * Sends an OpenAI-format chat completion request and streams the answer chunk by
	 * chunk. Keep-alive comments and the {@code [DONE]} marker are consumed here; a
	 * stream cut after its first chunk fails with
	 * {@link DeepSeekStreamInterruptedException}, which keeps the partial output.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> chatStream(ChatCompletionRequest request) {
		return chatStream(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Streams an OpenAI-format chat completion with call options. The permit of the
	 * model's lane is held until the stream's last event, or until the subscriber
	 * cancels; a stream is retried only before its first chunk.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing; the protocol is always OpenAI's
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> chatStream(ChatCompletionRequest request, DeepSeekCallOptions options) {
		return this.pipeline.stream(OpenAiAdapter.INSTANCE, request, options);
	}

	/**
	 * The Anthropic-format calls, with Anthropic's own request and answer types.
	 * @return the Anthropic-format operations
	 */
	public AnthropicOperations anthropic() {
		return this.anthropic;
	}

	/**
	 * Lists the models the account can use.
	 * @return the models
	 */
	public Mono<ModelList> models() {
		return this.exchange.get("/models").map((json) -> WireJson.read(json, ModelList.class));
	}

	/**
	 * Reads the account balance; this costs no tokens.
	 * @return the balance
	 */
	public Mono<Balance> balance() {
		return this.exchange.get("/user/balance").map((json) -> WireJson.read(json, Balance.class));
	}

	/**
	 * The same calls for code that may block, such as servlet applications.
	 * @return the blocking facade
	 */
	public BlockingDeepSeekTemplate blocking() {
		return this.blocking;
	}

	/**
	 * The limiter that holds the account's lanes, for reading their state or changing a
	 * limit at runtime.
	 * @return the limiter
	 */
	public DeepSeekLimiter limiter() {
		return this.pipeline.limiter();
	}

	/**
	 * The model used by requests that name none.
	 * @return the default model
	 */
	public String defaultModel() {
		return this.pipeline.defaultModel();
	}

	/**
	 * The wire format of protocol-neutral calls whose options name none.
	 * @return the protocol
	 */
	public DeepSeekProtocol protocol() {
		return this.protocol;
	}

	/**
	 * The {@link UserIdResolution} that gives each call its {@code user_id}; the blocking
	 * facade captures the caller's thread-bound identity with it.
	 * @return the resolution
	 */
	UserIdResolution userIds() {
		return this.pipeline.userIds();
	}

	private ProtocolAdapter<ChatRequest, ChatResponse, ChatDelta> neutral(DeepSeekCallOptions options) {
		DeepSeekProtocol chosen = (options.protocol() != null) ? options.protocol() : this.protocol;
		return (chosen == DeepSeekProtocol.ANTHROPIC) ? NeutralAdapters.ANTHROPIC : NeutralAdapters.OPENAI;
	}

	@Override
	public String toString() {
		return "DeepSeekTemplate[defaultModel=" + defaultModel() + ", protocol=" + this.protocol.wireName() + "]";
	}

	/**
	 * The protocol-neutral call on each protocol, built once.
	 */
	private static final class NeutralAdapters {

		static final ProtocolAdapter<ChatRequest, ChatResponse, ChatDelta> OPENAI = new NeutralAdapter<>(
				OpenAiAdapter.INSTANCE, OpenAiChatMapping.INSTANCE);

		static final ProtocolAdapter<ChatRequest, ChatResponse, ChatDelta> ANTHROPIC = new NeutralAdapter<>(
				AnthropicAdapter.INSTANCE, AnthropicChatMapping.INSTANCE);

	}

}
