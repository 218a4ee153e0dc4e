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

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one OpenAI-format stream: {@code data:} chunks ended by {@code data: [DONE]}.
 * An error envelope in place of a chunk becomes the typed exception of its type.
 */
final class OpenAiStreamDecoder extends WireStreamDecoder<ChatCompletionChunk> {

	@Override
	public @Nullable ChatCompletionChunk decode(ServerSentEvent event, ResponseMetadata metadata) {
		if (event.isDone()) {
			ended();
			return null;
		}
		if (isDone()) {
			return null;
		}
		DeepSeekApiException error = ErrorMapper.fromEnvelope(event.data());
		if (error != null) {
			throw error;
		}
		ChatCompletionChunk chunk = WireJson.read(event.data(), ChatCompletionChunk.class).withMetadata(metadata);
		emitted();
		received(chunk.content(), chunk.reasoningContent());
		if (chunk.usage() != null) {
			reported(OpenAiAdapter.tokenUsage(chunk.usage()));
		}
		return chunk;
	}

}
