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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.anthropic.ContentBlock;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageParam;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.anthropic.StopReason;
import io.github.deepseekstarter.protocol.anthropic.Thinking;
import io.github.deepseekstarter.protocol.anthropic.Tool;
import io.github.deepseekstarter.protocol.anthropic.ToolChoice;
import io.github.deepseekstarter.protocol.anthropic.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The neutral chat types in the Anthropic format: reasoning travels in {@code thinking}
 * blocks, tool calls in {@code tool_use} blocks and tool results in {@code tool_result}
 * blocks of a user turn.
 */
final class AnthropicChatMapping implements ChatMapping<MessageRequest, Message, MessageStreamEvent> {

	static final AnthropicChatMapping INSTANCE = new AnthropicChatMapping();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private AnthropicChatMapping() {
	}

	@Override
	public MessageRequest request(ChatRequest request) {
		MessageRequest.Builder builder = MessageRequest.builder()
			.model(request.model())
			.maxTokens(request.maxTokens())
			.system(request.system())
			.stopSequences(request.stop())
			.temperature(request.temperature())
			.topP(request.topP())
			.userId(request.userId())
			.messages(messages(request.messages()));
		if (!request.tools().isEmpty()) {
			builder.tools(request.tools()
				.stream()
				.map((tool) -> new Tool(tool.name(), tool.description(), tool.parameters()))
				.toList());
		}
		if (request.toolChoice() != null) {
			builder.toolChoice(toolChoice(request.toolChoice()));
		}
		if (request.thinking() != null) {
			builder.thinking(request.thinking() ? Thinking.ENABLED : Thinking.DISABLED);
		}
		return builder.build();
	}

	/**
	 * Tool results become blocks of a user turn; consecutive ones share it, since the
	 * format alternates user and assistant turns.
	 */
	private static List<MessageParam> messages(List<ChatRequest.Message> messages) {
		List<MessageParam> params = new ArrayList<>();
		List<ContentBlock> results = new ArrayList<>();
		for (ChatRequest.Message message : messages) {
			if (message.role() == ChatRequest.Role.TOOL) {
				results.add(ContentBlock.toolResult((message.toolCallId() != null) ? message.toolCallId() : "",
						ChatMapping.orEmpty(message.text())));
				continue;
			}
			if (!results.isEmpty()) {
				params.add(new MessageParam("user", results));
				results = new ArrayList<>();
			}
			params.add((message.role() == ChatRequest.Role.USER)
					? MessageParam.user(ChatMapping.orEmpty(message.text())) : assistant(message));
		}
		if (!results.isEmpty()) {
			params.add(new MessageParam("user", results));
		}
		return params;
	}

	private static MessageParam assistant(ChatRequest.Message message) {
		List<ContentBlock> blocks = new ArrayList<>();
		if (message.reasoning() != null) {
			blocks.add(ContentBlock.thinking(message.reasoning(), null));
		}
		if (message.text() != null) {
			blocks.add(ContentBlock.text(message.text()));
		}
		for (ChatToolCall call : message.toolCalls()) {
			blocks.add(ContentBlock.toolUse(call.id(), call.name(), input(call.arguments())));
		}
		return new MessageParam("assistant", blocks);
	}

	private static Map<String, Object> input(String arguments) {
		if (arguments.isBlank()) {
			return Map.of();
		}
		try {
			return DeepSeekJson.mapper().readValue(arguments, OBJECT);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"The arguments of a tool call must be a JSON object to be sent in the Anthropic format", ex);
		}
	}

	private static ToolChoice toolChoice(ChatRequest.ToolChoice choice) {
		return switch (choice.mode()) {
			case AUTO -> ToolChoice.AUTO;
			case NONE -> ToolChoice.NONE;
			case REQUIRED -> ToolChoice.ANY;
			case NAMED -> ToolChoice.tool((choice.name() != null) ? choice.name() : "");
		};
	}

	@Override
	public ChatResponse response(Message response) {
		List<ChatToolCall> calls = response.toolUses()
			.stream()
			.map((block) -> new ChatToolCall(ChatMapping.orEmpty(block.id()), ChatMapping.orEmpty(block.name()),
					arguments(block.input())))
			.toList();
		return new ChatResponse(response.id(), response.model(), response.text(), response.thinking(), calls,
				finishReason(response.stopReason()), AnthropicAdapter.INSTANCE.usage(response),
				ChatMapping.metadata(response.metadata()));
	}

	private static String arguments(@Nullable Map<String, Object> input) {
		return DeepSeekJson.mapper().writeValueAsString((input != null) ? input : Map.of());
	}

	@Override
	public DeltaMapper<MessageStreamEvent> deltas() {
		return new StreamDeltas();
	}

	private static @Nullable ChatFinishReason finishReason(@Nullable StopReason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case END_TURN, STOP_SEQUENCE, PAUSE_TURN -> ChatFinishReason.STOP;
			case MAX_TOKENS -> ChatFinishReason.LENGTH;
			case TOOL_USE -> ChatFinishReason.TOOL_CALLS;
			case REFUSAL -> ChatFinishReason.CONTENT_FILTER;
			case INSUFFICIENT_SYSTEM_RESOURCE -> ChatFinishReason.INSUFFICIENT_SYSTEM_RESOURCE;
			case UNKNOWN -> ChatFinishReason.UNKNOWN;
		};
	}

	/**
	 * Translates one stream: numbers its tool calls by the order of their blocks and
	 * completes the usage of {@code message_delta} with that of {@code message_start}.
	 */
	private static final class StreamDeltas implements DeltaMapper<MessageStreamEvent> {

		private final Map<Integer, Integer> toolCallOfBlock = new HashMap<>();

		private @Nullable Usage usage;

		@Override
		public @Nullable ChatDelta map(MessageStreamEvent event) {
			String type = (event.type() != null) ? event.type() : "";
			return switch (type) {
				case MessageStreamEvent.MESSAGE_START -> {
					this.usage = (event.message() != null) ? event.message().usage() : null;
					yield null;
				}
				case MessageStreamEvent.CONTENT_BLOCK_START -> blockStart(event);
				case MessageStreamEvent.CONTENT_BLOCK_DELTA -> blockDelta(event);
				case MessageStreamEvent.MESSAGE_DELTA -> messageDelta(event);
				default -> null;
			};
		}

		private @Nullable ChatDelta blockStart(MessageStreamEvent event) {
			ContentBlock block = event.contentBlock();
			if (block == null) {
				return null;
			}
			if (block.is(ContentBlock.TOOL_USE)) {
				int call = this.toolCallOfBlock.size();
				this.toolCallOfBlock.put(index(event), call);
				return delta(null, null, new ChatDelta.ToolCallDelta(call, block.id(), block.name(), null), null,
						event);
			}
			return delta(block.text(), block.thinking(), null, null, event);
		}

		private @Nullable ChatDelta blockDelta(MessageStreamEvent event) {
			MessageStreamEvent.Delta delta = event.delta();
			if (delta == null) {
				return null;
			}
			Integer call = this.toolCallOfBlock.get(index(event));
			if (call != null && delta.partialJson() != null) {
				return delta(null, null, new ChatDelta.ToolCallDelta(call, null, null, delta.partialJson()), null,
						event);
			}
			return delta(delta.text(), delta.thinking(), null, null, event);
		}

		private ChatDelta messageDelta(MessageStreamEvent event) {
			if (event.usage() != null) {
				this.usage = event.usage().orElse(this.usage);
			}
			StopReason reason = (event.delta() != null) ? event.delta().stopReason() : null;
			return delta(null, null, null, reason, event);
		}

		private ChatDelta delta(@Nullable String text, @Nullable String reasoning,
				ChatDelta.@Nullable ToolCallDelta call, @Nullable StopReason reason, MessageStreamEvent event) {
			boolean last = MessageStreamEvent.MESSAGE_DELTA.equals(event.type());
			return new ChatDelta(text, reasoning, (call != null) ? List.of(call) : List.of(), finishReason(reason),
					(last && this.usage != null) ? AnthropicAdapter.tokenUsage(this.usage) : null,
					ChatMapping.metadata(event.metadata()));
		}

		private static int index(MessageStreamEvent event) {
			return (event.index() != null) ? event.index() : -1;
		}

	}

}
