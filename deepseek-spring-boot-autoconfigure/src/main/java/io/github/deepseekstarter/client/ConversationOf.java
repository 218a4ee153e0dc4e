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

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.observability.ConversationRecorder;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.anthropic.ContentBlock;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageParam;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.anthropic.StopReason;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * Each request, answer and stream element of both protocols and of the neutral types, as
 * parts of the conversation a {@link ConversationRecorder} records: text, reasoning, tool
 * calls and tool call responses, and finish reasons in the words of the GenAI
 * conventions' output messages ({@code stop}, {@code length}, {@code content_filter},
 * {@code tool_call}, {@code error}). Parts of a streamed answer are keyed so that the
 * fragments of one part join up: {@code reasoning}, {@code text} and {@code tool:<index>}
 * in the OpenAI format, {@code block:<index>} in the Anthropic format.
 */
final class ConversationOf {

	private static final String TEXT = "text";

	private static final String REASONING = "reasoning";

	private ConversationOf() {
	}

	static void input(ChatCompletionRequest request, ConversationRecorder conversation) {
		for (ChatMessage message : request.messages()) {
			ConversationRecorder.InputMessage input = conversation.inputMessage(message.role());
			if (message.reasoningContent() != null) {
				input.reasoning(message.reasoningContent());
			}
			if (message.content() != null) {
				if ("tool".equals(message.role())) {
					input.toolCallResponse(message.toolCallId(), message.content());
				}
				else {
					input.text(message.content());
				}
			}
			for (ToolCall call : calls(message.toolCalls())) {
				input.toolCall(call.id(), name(call), arguments(call));
			}
		}
	}

	static void output(ChatCompletion completion, ConversationRecorder conversation) {
		for (ChatCompletion.Choice choice : completion.choices()) {
			ChatMessage message = choice.message();
			int index = choice.index();
			if (message.reasoningContent() != null) {
				conversation.outputReasoning(index, REASONING, message.reasoningContent());
			}
			if (message.content() != null) {
				conversation.outputText(index, TEXT, message.content());
			}
			List<ToolCall> calls = calls(message.toolCalls());
			for (int position = 0; position < calls.size(); position++) {
				ToolCall call = calls.get(position);
				conversation.outputToolCall(index, "tool:" + position, call.id(), name(call), arguments(call));
			}
			if (choice.finishReason() != null) {
				conversation.finishReason(index, finishReason(choice.finishReason()));
			}
		}
	}

	static void chunk(ChatCompletionChunk chunk, ConversationRecorder conversation) {
		for (ChatCompletionChunk.ChunkChoice choice : chunk.choices()) {
			ChatCompletionChunk.Delta delta = choice.delta();
			int index = choice.index();
			if (delta.reasoningContent() != null) {
				conversation.outputReasoning(index, REASONING, delta.reasoningContent());
			}
			if (delta.content() != null) {
				conversation.outputText(index, TEXT, delta.content());
			}
			List<ToolCall> calls = calls(delta.toolCalls());
			for (int position = 0; position < calls.size(); position++) {
				ToolCall call = calls.get(position);
				int callIndex = (call.index() != null) ? call.index() : position;
				conversation.outputToolCall(index, "tool:" + callIndex, call.id(), name(call), arguments(call));
			}
			if (choice.finishReason() != null) {
				conversation.finishReason(index, finishReason(choice.finishReason()));
			}
		}
	}

	static void input(MessageRequest request, ConversationRecorder conversation) {
		if (request.system() != null) {
			conversation.systemInstruction(request.system());
		}
		for (MessageParam message : request.messages()) {
			ConversationRecorder.InputMessage input = conversation.inputMessage(message.role());
			for (ContentBlock block : message.content()) {
				switch (block.type()) {
					case ContentBlock.TEXT -> input.text(orEmpty(block.text()));
					case ContentBlock.THINKING -> input.reasoning(orEmpty(block.thinking()));
					case ContentBlock.TOOL_USE -> input.toolCall(block.id(), block.name(), json(block.input()));
					case ContentBlock.TOOL_RESULT ->
						input.toolCallResponse(block.toolUseId(), orEmpty(block.content()));
					default -> {
						// Blocks of other types carry no text the conventions' parts
						// name.
					}
				}
			}
		}
	}

	static void output(Message message, ConversationRecorder conversation) {
		List<ContentBlock> blocks = message.content();
		for (int index = 0; index < blocks.size(); index++) {
			block(blocks.get(index), "block:" + index, conversation, true);
		}
		if (message.stopReason() != null) {
			conversation.finishReason(0, finishReason(message.stopReason()));
		}
	}

	static void event(MessageStreamEvent event, ConversationRecorder conversation) {
		String key = "block:" + event.index();
		if (MessageStreamEvent.CONTENT_BLOCK_START.equals(event.type()) && event.contentBlock() != null) {
			// A tool_use block starts with empty input; its arguments follow as JSON
			// fragments.
			block(event.contentBlock(), key, conversation, false);
		}
		MessageStreamEvent.Delta delta = event.delta();
		if (delta == null) {
			return;
		}
		if (MessageStreamEvent.CONTENT_BLOCK_DELTA.equals(event.type()) && delta.type() != null) {
			switch (delta.type()) {
				case MessageStreamEvent.Delta.TEXT_DELTA -> conversation.outputText(0, key, orEmpty(delta.text()));
				case MessageStreamEvent.Delta.THINKING_DELTA ->
					conversation.outputReasoning(0, key, orEmpty(delta.thinking()));
				case MessageStreamEvent.Delta.INPUT_JSON_DELTA ->
					conversation.outputToolCall(0, key, null, null, delta.partialJson());
				default -> {
					// Signature deltas carry no content.
				}
			}
		}
		if (delta.stopReason() != null) {
			conversation.finishReason(0, finishReason(delta.stopReason()));
		}
	}

	static void input(ChatRequest request, ConversationRecorder conversation) {
		if (request.system() != null) {
			conversation.systemInstruction(request.system());
		}
		for (ChatRequest.Message message : request.messages()) {
			ConversationRecorder.InputMessage input = conversation
				.inputMessage(message.role().name().toLowerCase(Locale.ROOT));
			if (message.reasoning() != null) {
				input.reasoning(message.reasoning());
			}
			if (message.role() == ChatRequest.Role.TOOL) {
				input.toolCallResponse(message.toolCallId(), orEmpty(message.text()));
			}
			else if (message.text() != null) {
				input.text(message.text());
			}
			for (ChatToolCall call : message.toolCalls()) {
				input.toolCall(call.id(), call.name(), call.arguments());
			}
		}
	}

	static void output(ChatResponse response, ConversationRecorder conversation) {
		if (!response.reasoning().isEmpty()) {
			conversation.outputReasoning(0, REASONING, response.reasoning());
		}
		if (!response.text().isEmpty()) {
			conversation.outputText(0, TEXT, response.text());
		}
		List<ChatToolCall> calls = response.toolCalls();
		for (int position = 0; position < calls.size(); position++) {
			ChatToolCall call = calls.get(position);
			conversation.outputToolCall(0, "tool:" + position, call.id(), call.name(), call.arguments());
		}
		if (response.finishReason() != null) {
			conversation.finishReason(0, finishReason(response.finishReason()));
		}
	}

	static void delta(ChatDelta delta, ConversationRecorder conversation) {
		if (delta.reasoning() != null) {
			conversation.outputReasoning(0, REASONING, delta.reasoning());
		}
		if (delta.text() != null) {
			conversation.outputText(0, TEXT, delta.text());
		}
		for (ChatDelta.ToolCallDelta call : delta.toolCalls()) {
			conversation.outputToolCall(0, "tool:" + call.index(), call.id(), call.name(), call.arguments());
		}
		if (delta.finishReason() != null) {
			conversation.finishReason(0, finishReason(delta.finishReason()));
		}
	}

	private static void block(ContentBlock block, String key, ConversationRecorder conversation, boolean whole) {
		switch (block.type()) {
			case ContentBlock.TEXT -> conversation.outputText(0, key, orEmpty(block.text()));
			case ContentBlock.THINKING -> conversation.outputReasoning(0, key, orEmpty(block.thinking()));
			case ContentBlock.TOOL_USE ->
				conversation.outputToolCall(0, key, block.id(), block.name(), whole ? json(block.input()) : null);
			default -> {
				// Blocks of other types carry no text the conventions' parts name.
			}
		}
	}

	static String finishReason(FinishReason reason) {
		return switch (reason) {
			case STOP -> "stop";
			case LENGTH -> "length";
			case CONTENT_FILTER -> "content_filter";
			case TOOL_CALLS -> "tool_call";
			case INSUFFICIENT_SYSTEM_RESOURCE -> "error";
			case UNKNOWN -> lower(reason);
		};
	}

	static String finishReason(StopReason reason) {
		return switch (reason) {
			case END_TURN, STOP_SEQUENCE -> "stop";
			case MAX_TOKENS -> "length";
			case TOOL_USE -> "tool_call";
			case REFUSAL -> "content_filter";
			case INSUFFICIENT_SYSTEM_RESOURCE -> "error";
			default -> lower(reason);
		};
	}

	static String finishReason(ChatFinishReason reason) {
		return switch (reason) {
			case STOP -> "stop";
			case LENGTH -> "length";
			case TOOL_CALLS -> "tool_call";
			case CONTENT_FILTER -> "content_filter";
			case INSUFFICIENT_SYSTEM_RESOURCE -> "error";
			case UNKNOWN -> lower(reason);
		};
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static List<ToolCall> calls(@Nullable List<ToolCall> calls) {
		return (calls != null) ? calls : List.of();
	}

	private static @Nullable String name(ToolCall call) {
		return (call.function() != null) ? call.function().name() : null;
	}

	private static @Nullable String arguments(ToolCall call) {
		return (call.function() != null) ? call.function().arguments() : null;
	}

	private static @Nullable String json(@Nullable Map<String, Object> input) {
		return (input != null) ? DeepSeekJson.mapper().writeValueAsString(input) : null;
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
