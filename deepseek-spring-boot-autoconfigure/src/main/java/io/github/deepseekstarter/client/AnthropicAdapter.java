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

import java.util.Locale;

import io.github.deepseekstarter.DeepSeekModels;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.observability.ResponseDetails;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.anthropic.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Anthropic format: {@code POST /anthropic/v1/messages} with the tenant in
 * {@code metadata.user_id}. Claude model names run on the DeepSeek lane they map to.
 */
final class AnthropicAdapter implements ProtocolAdapter<MessageRequest, Message, MessageStreamEvent> {

	static final AnthropicAdapter INSTANCE = new AnthropicAdapter();

	private final JsonMapper mapper = DeepSeekJson.mapper();

	private AnthropicAdapter() {
	}

	@Override
	public DeepSeekProtocol protocol() {
		return DeepSeekProtocol.ANTHROPIC;
	}

	@Override
	public String path() {
		return "/anthropic/v1/messages";
	}

	@Override
	public @Nullable String model(MessageRequest request) {
		return request.model();
	}

	/**
	 * Maps Claude names as DeepSeek does, so that a call admitted under a Claude name
	 * holds the same lane as one naming the DeepSeek model.
	 */
	@Override
	public String laneModel(String model) {
		String lower = model.toLowerCase(Locale.ROOT);
		if (lower.startsWith("claude-opus")) {
			return DeepSeekModels.PRO;
		}
		return lower.startsWith("claude") ? DeepSeekModels.FLASH : model;
	}

	@Override
	public @Nullable String userId(MessageRequest request) {
		return (request.metadata() != null) ? request.metadata().userId() : null;
	}

	@Override
	public byte[] body(MessageRequest request, String model, @Nullable String userId, boolean stream) {
		ObjectNode body = this.mapper.valueToTree(request);
		body.put("model", model);
		if (request.maxTokens() == null) {
			body.put("max_tokens", ChatRequest.DEFAULT_MAX_TOKENS);
		}
		// The Anthropic format carries the tenant only in metadata.user_id, never at the
		// top level.
		body.remove("user_id");
		body.remove("metadata");
		if (userId != null) {
			body.putObject("metadata").put("user_id", userId);
		}
		body.put("stream", stream);
		return this.mapper.writeValueAsBytes(body);
	}

	@Override
	public Message response(byte[] json, ResponseMetadata metadata) {
		return WireJson.read(json, Message.class).withMetadata(metadata);
	}

	@Override
	public @Nullable TokenUsage usage(Message response) {
		return (response.usage() != null) ? tokenUsage(response.usage()) : null;
	}

	@Override
	public ResponseDetails responseDetails(Message response) {
		return new ResponseDetails(response.id(), response.model(), ResponseDetailsOf.reason(response.stopReason()));
	}

	@Override
	public @Nullable ResponseDetails chunkDetails(MessageStreamEvent event) {
		Message message = event.message();
		if (message != null) {
			return responseDetails(message);
		}
		MessageStreamEvent.Delta delta = event.delta();
		return (delta != null && delta.stopReason() != null)
				? new ResponseDetails(null, null, ResponseDetailsOf.reason(delta.stopReason())) : null;
	}

	@Override
	public void recordInput(MessageRequest request, ConversationRecorder conversation) {
		ConversationOf.input(request, conversation);
	}

	@Override
	public void recordOutput(Message response, ConversationRecorder conversation) {
		ConversationOf.output(response, conversation);
	}

	@Override
	public void recordChunk(MessageStreamEvent chunk, ConversationRecorder conversation) {
		ConversationOf.event(chunk, conversation);
	}

	@Override
	public StreamDecoder<MessageStreamEvent> streamDecoder() {
		return new AnthropicStreamDecoder();
	}

	/**
	 * Anthropic counts cached prompt tokens apart from {@code input_tokens}; the shared
	 * terms count them in the input. The format reports no reasoning count.
	 */
	static TokenUsage tokenUsage(Usage usage) {
		int miss = orZero(usage.inputTokens()) + orZero(usage.cacheCreationInputTokens());
		int hit = orZero(usage.cacheReadInputTokens());
		return new TokenUsage(miss + hit, orZero(usage.outputTokens()), hit, miss, 0);
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}
