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
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;

import io.github.deepseekstarter.TokenUsage;
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
final class AnthropicStreamDecoder implements StreamDecoder<MessageStreamEvent> {

	private final StringBuilder content = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private int events;

	private boolean done;

	private @Nullable Usage usage;

	private @Nullable TokenUsage reported;

	@Override
	public @Nullable MessageStreamEvent decode(ServerSentEvent event, ResponseMetadata metadata) {
		if (this.done || event.isDone()) {
			return null;
		}
		MessageStreamEvent decoded = WireJson.read(event.data(), MessageStreamEvent.class);
		String type = (decoded.type() != null) ? decoded.type() : event.event();
		if (MessageStreamEvent.ERROR.equals(type) || decoded.error() != null) {
			throw ErrorMapper.fromErrorBody(event.data());
		}
		MessageStreamEvent element = decoded.with(type, metadata);
		accept(element);
		this.events++;
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
				if (delta != null && delta.text() != null) {
					this.content.append(delta.text());
				}
				if (delta != null && delta.thinking() != null) {
					this.reasoning.append(delta.thinking());
				}
			}
			case MessageStreamEvent.MESSAGE_DELTA -> {
				if (event.usage() != null) {
					this.usage = event.usage().orElse(this.usage);
					this.reported = AnthropicAdapter.tokenUsage(this.usage);
				}
			}
			case MessageStreamEvent.MESSAGE_STOP -> this.done = true;
			default -> {
				// Block starts and stops, pings and new event types add no output.
			}
		}
	}

	@Override
	public boolean isDone() {
		return this.done;
	}

	@Override
	public boolean hasOutput() {
		return this.events > 0;
	}

	@Override
	public boolean hasToken() {
		return this.content.length() > 0 || this.reasoning.length() > 0;
	}

	@Override
	public @Nullable TokenUsage takeUsage() {
		TokenUsage taken = this.reported;
		this.reported = null;
		return taken;
	}

	@Override
	public DeepSeekException interrupted(@Nullable Throwable cause) {
		return new DeepSeekStreamInterruptedException(this.content.toString(), this.reasoning.toString(), this.events,
				cause);
	}

}
