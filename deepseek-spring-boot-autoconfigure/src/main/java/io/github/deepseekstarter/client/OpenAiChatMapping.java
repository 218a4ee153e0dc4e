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

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.Tool;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.ToolChoice;
import org.jspecify.annotations.Nullable;

/**
 * The neutral chat types in the OpenAI format.
 */
final class OpenAiChatMapping implements ChatMapping<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> {

	static final OpenAiChatMapping INSTANCE = new OpenAiChatMapping();

	private OpenAiChatMapping() {
	}

	@Override
	public ChatCompletionRequest request(ChatRequest request) {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
			.model(request.model())
			.maxTokens(request.maxTokens())
			.temperature(request.temperature())
			.topP(request.topP())
			.stop(request.stop())
			.userId(request.userId());
		if (request.system() != null) {
			builder.message(ChatMessage.system(request.system()));
		}
		request.messages().forEach((message) -> builder.message(message(message)));
		if (!request.tools().isEmpty()) {
			builder.tools(request.tools()
				.stream()
				.map((tool) -> Tool.function(tool.name(), tool.description(), tool.parameters()))
				.toList());
		}
		if (request.toolChoice() != null) {
			builder.toolChoice(toolChoice(request.toolChoice()));
		}
		if (request.thinking() != null) {
			builder.thinking(request.thinking() ? ChatCompletionRequest.Thinking.ENABLED
					: ChatCompletionRequest.Thinking.DISABLED);
		}
		return builder.build();
	}

	private static ChatMessage message(ChatRequest.Message message) {
		return switch (message.role()) {
			case USER -> ChatMessage.user((message.text() != null) ? message.text() : "");
			case TOOL -> ChatMessage.tool((message.toolCallId() != null) ? message.toolCallId() : "",
					(message.text() != null) ? message.text() : "");
			case ASSISTANT -> message.toolCalls().isEmpty() && message.reasoning() == null
					? ChatMessage.assistant((message.text() != null) ? message.text() : "")
					: ChatMessage.assistant(message.text(), message.reasoning(),
							message.toolCalls()
								.stream()
								.map((call) -> ToolCall.function(call.id(), call.name(), call.arguments()))
								.toList());
		};
	}

	private static ToolChoice toolChoice(ChatRequest.ToolChoice choice) {
		return switch (choice.mode()) {
			case AUTO -> ToolChoice.AUTO;
			case NONE -> ToolChoice.NONE;
			case REQUIRED -> ToolChoice.REQUIRED;
			case NAMED -> ToolChoice.function((choice.name() != null) ? choice.name() : "");
		};
	}

	@Override
	public ChatResponse response(ChatCompletion response) {
		List<ChatToolCall> calls = new ArrayList<>();
		if (!response.choices().isEmpty() && response.choices().get(0).message().toolCalls() != null) {
			for (ToolCall call : response.choices().get(0).message().toolCalls()) {
				ToolCall.FunctionCall function = call.function();
				calls.add(new ChatToolCall((call.id() != null) ? call.id() : "",
						(function != null && function.name() != null) ? function.name() : "",
						(function != null && function.arguments() != null) ? function.arguments() : ""));
			}
		}
		return new ChatResponse(response.id(), response.model(), ChatMapping.orEmpty(response.content()),
				ChatMapping.orEmpty(response.reasoningContent()), calls, finishReason(response.finishReason()),
				OpenAiAdapter.INSTANCE.usage(response), ChatMapping.metadata(response.metadata()));
	}

	@Override
	public DeltaMapper<ChatCompletionChunk> deltas() {
		return OpenAiChatMapping::delta;
	}

	private static ChatDelta delta(ChatCompletionChunk chunk) {
		List<ChatDelta.ToolCallDelta> calls = new ArrayList<>();
		FinishReason finishReason = null;
		if (!chunk.choices().isEmpty()) {
			ChatCompletionChunk.ChunkChoice choice = chunk.choices().get(0);
			finishReason = choice.finishReason();
			if (choice.delta().toolCalls() != null) {
				for (ToolCall call : choice.delta().toolCalls()) {
					ToolCall.FunctionCall function = call.function();
					calls.add(new ChatDelta.ToolCallDelta((call.index() != null) ? call.index() : 0, call.id(),
							(function != null) ? function.name() : null,
							(function != null) ? function.arguments() : null));
				}
			}
		}
		return new ChatDelta(chunk.content(), chunk.reasoningContent(), calls, finishReason(finishReason),
				(chunk.usage() != null) ? OpenAiAdapter.tokenUsage(chunk.usage()) : null,
				ChatMapping.metadata(chunk.metadata()));
	}

	private static @Nullable ChatFinishReason finishReason(@Nullable FinishReason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case STOP -> ChatFinishReason.STOP;
			case LENGTH -> ChatFinishReason.LENGTH;
			case TOOL_CALLS -> ChatFinishReason.TOOL_CALLS;
			case CONTENT_FILTER -> ChatFinishReason.CONTENT_FILTER;
			case INSUFFICIENT_SYSTEM_RESOURCE -> ChatFinishReason.INSUFFICIENT_SYSTEM_RESOURCE;
			case UNKNOWN -> ChatFinishReason.UNKNOWN;
		};
	}

}
