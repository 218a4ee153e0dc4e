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

import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.observability.ResponseDetails;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import org.jspecify.annotations.Nullable;

/**
 * The protocol-neutral chat call on one protocol: a protocol's adapter behind a
 * {@link ChatMapping}.
 *
 * @param <Q> the protocol's request type
 * @param <R> the protocol's answer type
 * @param <C> the protocol's stream element type
 */
final class NeutralAdapter<Q, R, C> implements ProtocolAdapter<ChatRequest, ChatResponse, ChatDelta> {

	private final ProtocolAdapter<Q, R, C> wire;

	private final ChatMapping<Q, R, C> mapping;

	NeutralAdapter(ProtocolAdapter<Q, R, C> wire, ChatMapping<Q, R, C> mapping) {
		this.wire = wire;
		this.mapping = mapping;
	}

	@Override
	public DeepSeekProtocol protocol() {
		return this.wire.protocol();
	}

	@Override
	public String path() {
		return this.wire.path();
	}

	@Override
	public @Nullable String model(ChatRequest request) {
		return request.model();
	}

	@Override
	public String laneModel(String model) {
		return this.wire.laneModel(model);
	}

	@Override
	public @Nullable String userId(ChatRequest request) {
		return request.userId();
	}

	@Override
	public byte[] body(ChatRequest request, String model, @Nullable String userId, boolean stream) {
		return this.wire.body(this.mapping.request(request), model, userId, stream);
	}

	@Override
	public ChatResponse response(byte[] json, ResponseMetadata metadata) {
		return this.mapping.response(this.wire.response(json, metadata));
	}

	@Override
	public @Nullable TokenUsage usage(ChatResponse response) {
		return response.usage();
	}

	@Override
	public ResponseDetails responseDetails(ChatResponse response) {
		return new ResponseDetails(response.id(), response.model(), ResponseDetailsOf.reason(response.finishReason()));
	}

	@Override
	public @Nullable ResponseDetails chunkDetails(ChatDelta delta) {
		return (delta.finishReason() != null)
				? new ResponseDetails(null, null, ResponseDetailsOf.reason(delta.finishReason())) : null;
	}

	@Override
	public void recordInput(ChatRequest request, ConversationRecorder conversation) {
		ConversationOf.input(request, conversation);
	}

	@Override
	public void recordOutput(ChatResponse response, ConversationRecorder conversation) {
		ConversationOf.output(response, conversation);
	}

	@Override
	public void recordChunk(ChatDelta chunk, ConversationRecorder conversation) {
		ConversationOf.delta(chunk, conversation);
	}

	@Override
	public StreamDecoder<ChatDelta> streamDecoder() {
		return new Decoder<>(this.wire.streamDecoder(), this.mapping.deltas());
	}

	/**
	 * The protocol's decoder, its elements translated; only deltas that carry something
	 * count as output.
	 */
	private static final class Decoder<C> implements StreamDecoder<ChatDelta> {

		private final StreamDecoder<C> wire;

		private final ChatMapping.DeltaMapper<C> deltas;

		private boolean output;

		Decoder(StreamDecoder<C> wire, ChatMapping.DeltaMapper<C> deltas) {
			this.wire = wire;
			this.deltas = deltas;
		}

		@Override
		public @Nullable ChatDelta decode(ServerSentEvent event, ResponseMetadata metadata) {
			C element = this.wire.decode(event, metadata);
			ChatDelta delta = (element != null) ? this.deltas.map(element) : null;
			if (delta == null || delta.isEmpty()) {
				return null;
			}
			this.output = true;
			return delta;
		}

		@Override
		public boolean isDone() {
			return this.wire.isDone();
		}

		@Override
		public boolean hasOutput() {
			return this.output;
		}

		@Override
		public boolean hasToken() {
			return this.wire.hasToken();
		}

		@Override
		public @Nullable TokenUsage takeUsage() {
			return this.wire.takeUsage();
		}

		@Override
		public DeepSeekException interrupted(@Nullable Throwable cause) {
			return this.wire.interrupted(cause);
		}

	}

}
