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

package io.github.deepseekstarter.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.Tool;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.StringUtils;

/**
 * Writes a Spring AI prompt as a DeepSeek chat completion request: messages with the
 * reasoning of earlier tool turns, tools, tool choice, thinking, JSON output and the
 * sampling options.
 */
final class PromptMapping {

	/**
	 * The key of an assistant message's metadata holding its {@code reasoning_content},
	 * which DeepSeek wants back with the turn's tool calls in thinking mode.
	 */
	static final String REASONING_CONTENT = DeepSeekChatModel.REASONING_CONTENT;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> SCHEMA = new TypeReference<>() {
	};

	private PromptMapping() {
	}

	static ChatCompletionRequest toRequest(Prompt prompt, DeepSeekChatOptions options) {
		if (options.getTopK() != null) {
			throw new IllegalArgumentException(
					"DeepSeek has no top_k sampling; remove topK from the chat options (topP is supported)");
		}
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder()
			.model(options.getModel())
			.maxTokens(options.getMaxTokens())
			.temperature(options.getTemperature())
			.topP(options.getTopP())
			.frequencyPenalty(options.getFrequencyPenalty())
			.presencePenalty(options.getPresencePenalty())
			.stop(options.getStopSequences());
		if (options.getThinking() != null) {
			request.thinking(options.getThinking() ? ChatCompletionRequest.Thinking.ENABLED
					: ChatCompletionRequest.Thinking.DISABLED);
		}
		if (options.getReasoningEffort() != null) {
			request.reasoningEffort(options.getReasoningEffort().name().toLowerCase(Locale.ROOT));
		}
		List<ChatMessage> messages = new ArrayList<>();
		if (StringUtils.hasText(options.getOutputSchema())) {
			// DeepSeek answers json_schema with 400: the schema goes into the prompt and
			// the answer is constrained to a JSON object instead.
			messages.add(ChatMessage.system("Answer with a single JSON object, and nothing else, that conforms to "
					+ "this JSON schema:\n" + options.getOutputSchema()));
			request.responseFormat(ChatCompletionRequest.ResponseFormat.JSON_OBJECT);
		}
		else if (options.getResponseFormat() == DeepSeekChatOptions.ResponseFormat.JSON_OBJECT) {
			request.responseFormat(ChatCompletionRequest.ResponseFormat.JSON_OBJECT);
		}
		for (Message message : prompt.getInstructions()) {
			addMessage(messages, message);
		}
		request.messages(messages);
		List<ToolCallback> callbacks = options.getToolCallbacks();
		if (callbacks != null && !callbacks.isEmpty()) {
			List<Tool> tools = new ArrayList<>();
			for (ToolCallback callback : callbacks) {
				tools.add(tool(callback.getToolDefinition()));
			}
			request.tools(tools).toolChoice(options.getToolChoice());
		}
		return request.build();
	}

	private static void addMessage(List<ChatMessage> messages, Message message) {
		switch (message.getMessageType()) {
			case SYSTEM -> messages.add(ChatMessage.system(text(message)));
			case USER -> {
				if (message instanceof UserMessage user && !user.getMedia().isEmpty()) {
					throw new IllegalArgumentException(
							"DeepSeek's chat API takes text only; remove the media from the user message");
				}
				messages.add(ChatMessage.user(text(message)));
			}
			case ASSISTANT -> messages.add(assistant((AssistantMessage) message));
			case TOOL -> {
				for (ToolResponseMessage.ToolResponse response : ((ToolResponseMessage) message).getResponses()) {
					messages.add(ChatMessage.tool(response.id(), response.responseData()));
				}
			}
		}
	}

	private static ChatMessage assistant(AssistantMessage message) {
		Object reasoning = message.getMetadata().get(REASONING_CONTENT);
		String reasoningContent = (reasoning instanceof String text && !text.isEmpty()) ? text : null;
		if (!message.hasToolCalls()) {
			return new ChatMessage("assistant", text(message), reasoningContent, null, null, null, null);
		}
		List<ToolCall> calls = new ArrayList<>();
		for (AssistantMessage.ToolCall call : message.getToolCalls()) {
			calls.add(ToolCall.function(call.id(), call.name(), call.arguments()));
		}
		String content = StringUtils.hasLength(message.getText()) ? message.getText() : null;
		return ChatMessage.assistant(content, reasoningContent, calls);
	}

	private static Tool tool(ToolDefinition definition) {
		Map<String, Object> parameters = JSON.readValue(definition.inputSchema(), SCHEMA);
		String description = StringUtils.hasText(definition.description()) ? definition.description() : null;
		return Tool.function(definition.name(), description, parameters);
	}

	private static String text(Message message) {
		@Nullable String text = message.getText();
		return (text != null) ? text : "";
	}

}
