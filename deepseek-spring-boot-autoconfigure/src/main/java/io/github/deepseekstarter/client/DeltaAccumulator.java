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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Joins streamed deltas into a whole answer.
 */
final class DeltaAccumulator {

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private final Map<Integer, String[]> toolCalls = new TreeMap<>();

	private @Nullable ChatFinishReason finishReason;

	private @Nullable TokenUsage usage;

	private ResponseMetadata metadata = ResponseMetadata.NONE;

	void accept(ChatDelta delta) {
		if (delta.text() != null) {
			this.text.append(delta.text());
		}
		if (delta.reasoning() != null) {
			this.reasoning.append(delta.reasoning());
		}
		for (ChatDelta.ToolCallDelta call : delta.toolCalls()) {
			String[] parts = this.toolCalls.computeIfAbsent(call.index(), (index) -> new String[] { "", "", "" });
			parts[0] = (call.id() != null) ? call.id() : parts[0];
			parts[1] = (call.name() != null) ? call.name() : parts[1];
			parts[2] = parts[2] + ((call.arguments() != null) ? call.arguments() : "");
		}
		if (delta.finishReason() != null) {
			this.finishReason = delta.finishReason();
		}
		if (delta.usage() != null) {
			this.usage = delta.usage();
		}
		this.metadata = delta.metadata();
	}

	ChatResponse response() {
		List<ChatToolCall> calls = new ArrayList<>();
		this.toolCalls.values().forEach((parts) -> calls.add(new ChatToolCall(parts[0], parts[1], parts[2])));
		return new ChatResponse(null, null, this.text.toString(), this.reasoning.toString(), calls, this.finishReason,
				this.usage, this.metadata);
	}

}
