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

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.observability.ResponseDetails;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest.StreamOptions;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI format: {@code POST /chat/completions} with a top-level {@code user_id}.
 */
final class OpenAiAdapter implements ProtocolAdapter<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> {

	static final OpenAiAdapter INSTANCE = new OpenAiAdapter();

	private final JsonMapper mapper = DeepSeekJson.mapper();

	private final ObjectWriter wireBodyWriter = this.mapper.writerFor(WireBody.class);

	private OpenAiAdapter() {
	}

	@Override
	public DeepSeekProtocol protocol() {
		return DeepSeekProtocol.OPENAI;
	}

	@Override
	public String path() {
		return "/chat/completions";
	}

	@Override
	public @Nullable String model(ChatCompletionRequest request) {
		return request.model();
	}

	@Override
	public @Nullable String userId(ChatCompletionRequest request) {
		return request.userId();
	}

	@Override
	public byte[] body(ChatCompletionRequest request, String model, @Nullable String userId, boolean stream) {
		if (!request.extraBody().isEmpty()) {
			return bodyThroughTree(request, model, userId, stream);
		}
		// Without extra fields the request is written once, as it is sent: going
		// through a tree wrote it twice and read it once on every call.
		StreamOptions options = stream
				? ((request.streamOptions() != null) ? request.streamOptions() : StreamOptions.INCLUDE_USAGE) : null;
		ChatCompletionRequest wire = request.toBuilder().model(model).userId(userId).streamOptions(options).build();
		return this.wireBodyWriter.writeValueAsBytes(new WireBody(wire, stream));
	}

	/**
	 * The body as a tree, so that extra fields go at the top level and may replace the
	 * request's own.
	 */
	byte[] bodyThroughTree(ChatCompletionRequest request, String model, @Nullable String userId, boolean stream) {
		ObjectNode body = this.mapper.valueToTree(request);
		body.put("model", model);
		request.extraBody().forEach((name, value) -> body.set(name, this.mapper.valueToTree(value)));
		// The OpenAI format carries the tenant as a top-level user_id, never as OpenAI's
		// own "user".
		body.remove("user_id");
		if (userId != null) {
			body.put("user_id", userId);
		}
		if (!stream) {
			// Stream options are refused on a call that does not stream.
			body.remove("stream_options");
		}
		else if (!body.has("stream_options") || body.get("stream_options").isNull()) {
			// Without the usage chunk a stream reports no tokens: metrics and cost
			// accounting would miss it. A caller's own stream_options are kept as set.
			body.putObject("stream_options").put("include_usage", true);
		}
		body.put("stream", stream);
		return this.mapper.writeValueAsBytes(body);
	}

	/**
	 * The body as it is sent: the request's fields and whether it streams.
	 */
	record WireBody(@JsonUnwrapped ChatCompletionRequest request, boolean stream) {
	}

	@Override
	public ChatCompletion response(byte[] json, ResponseMetadata metadata) {
		return WireJson.read(json, ChatCompletion.class).withMetadata(metadata);
	}

	@Override
	public @Nullable TokenUsage usage(ChatCompletion response) {
		return (response.usage() != null) ? tokenUsage(response.usage()) : null;
	}

	@Override
	public ResponseDetails responseDetails(ChatCompletion response) {
		return new ResponseDetails(response.id(), response.model(),
				ResponseDetailsOf.reasons(response.choices(), ChatCompletion.Choice::finishReason));
	}

	@Override
	public ResponseDetails chunkDetails(ChatCompletionChunk chunk) {
		return new ResponseDetails(chunk.id(), chunk.model(),
				ResponseDetailsOf.reasons(chunk.choices(), ChatCompletionChunk.ChunkChoice::finishReason));
	}

	@Override
	public void recordInput(ChatCompletionRequest request, ConversationRecorder conversation) {
		ConversationOf.input(request, conversation);
	}

	@Override
	public void recordOutput(ChatCompletion response, ConversationRecorder conversation) {
		ConversationOf.output(response, conversation);
	}

	@Override
	public void recordChunk(ChatCompletionChunk chunk, ConversationRecorder conversation) {
		ConversationOf.chunk(chunk, conversation);
	}

	@Override
	public StreamDecoder<ChatCompletionChunk> streamDecoder() {
		return new OpenAiStreamDecoder();
	}

	static TokenUsage tokenUsage(Usage usage) {
		return new TokenUsage(usage.promptTokens(), usage.completionTokens(),
				(usage.promptCacheHitTokens() != null) ? usage.promptCacheHitTokens() : 0,
				(usage.promptCacheMissTokens() != null) ? usage.promptCacheMissTokens() : 0, usage.reasoningTokens());
	}

}
