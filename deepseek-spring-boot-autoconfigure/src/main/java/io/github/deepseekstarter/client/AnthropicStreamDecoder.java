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

import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.anthropic.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one Anthropic-format stream. It ends with {@code message_stop}; DeepSeek's
 * trailing {@code data: [DONE]} is skipped, and an {@code error} event, in Anthropic's
 * envelope or DeepSeek's, becomes the typed exception of its type.
 */
final class AnthropicStreamDecoder extends WireStreamDecoder<MessageStreamEvent> {

	private @Nullable Usage usage;

	@Override
	public @Nullable MessageStreamEvent decode(ServerSentEvent event, ResponseMetadata metadata) {
		if (isDone() || event.isDone()) {
			return null;
		}
		MessageStreamEvent decoded = WireJson.read(event.data(), MessageStreamEvent.class);
		String type = (decoded.type() != null) ? decoded.type() : event.event();
		if (MessageStreamEvent.ERROR.equals(type) || decoded.error() != null) {
			throw ErrorMapper.fromErrorBody(event.data());
		}
		MessageStreamEvent element = decoded.with(type, metadata);
		accept(element);
		emitted();
		return element;
	}

	private void accept(MessageStreamEvent event) {
		String type = (event.type() != null) ? event.type() : "";
		switch (type) {
			case MessageStreamEvent.MESSAGE_START -> {
				if (event.message() != null && event.message().usage() != null) {
					this.usage = event.message().usage();
				}
			}
			case MessageStreamEvent.CONTENT_BLOCK_DELTA -> {
				MessageStreamEvent.Delta delta = event.delta();
				if (delta != null) {
					received(delta.text(), delta.thinking());
				}
			}
			case MessageStreamEvent.MESSAGE_DELTA -> {
				if (event.usage() != null) {
					this.usage = event.usage().orElse(this.usage);
					reported(AnthropicAdapter.tokenUsage(this.usage));
				}
			}
			case MessageStreamEvent.MESSAGE_STOP -> ended();
			default -> {
				// Block starts and stops, pings and new event types add no output.
			}
		}
	}

}
