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

package io.github.deepseekstarter.langchain4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.Tool;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.ToolChoice;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Writes a LangChain4j chat request as a DeepSeek chat completion request and reads the
 * answer back: the thinking of earlier tool turns goes back as {@code reasoning_content},
 * a JSON schema becomes {@code json_object} with the schema in a system message (DeepSeek
 * rejects {@code json_schema}), and {@code top_k}, which DeepSeek lacks, fails before
 * anything is sent.
 */
final class LangChain4jMapping {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LangChain4jMapping() {
	}

	static ChatCompletionRequest toRequest(ChatRequest chatRequest, DeepSeekLangChain4jSettings settings) {
		ChatRequestParameters parameters = chatRequest.parameters();
		if (parameters.topK() != null) {
			throw new IllegalArgumentException(
					"DeepSeek has no top_k sampling; remove topK from the request parameters (topP is supported)");
		}
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder()
			.model(parameters.modelName())
			.temperature(parameters.temperature())
			.topP(parameters.topP())
			.frequencyPenalty(parameters.frequencyPenalty())
			.presencePenalty(parameters.presencePenalty())
			.maxTokens(parameters.maxOutputTokens())
			.stop((parameters.stopSequences() == null || parameters.stopSequences().isEmpty()) ? null
					: parameters.stopSequences())
			.reasoningEffort(settings.reasoningEffort());
		if (settings.thinking() != null) {
			request.thinking(settings.thinking() ? ChatCompletionRequest.Thinking.ENABLED
					: ChatCompletionRequest.Thinking.DISABLED);
		}
		List<ChatMessage> messages = new ArrayList<>();
		ResponseFormat format = parameters.responseFormat();
		if (format != null && format.type() == ResponseFormatType.JSON) {
			request.responseFormat(ChatCompletionRequest.ResponseFormat.JSON_OBJECT);
			if (format.jsonSchema() != null) {
				// DeepSeek answers json_schema with 400: the schema goes into the prompt.
				String schema = JSON
					.writeValueAsString(JsonSchemaElementUtils.toMap(format.jsonSchema().rootElement()));
				messages.add(ChatMessage
					.system("Answer with a single JSON object, and nothing else, that conforms to this JSON schema:\n"
							+ schema));
			}
		}
		for (dev.langchain4j.data.message.ChatMessage message : chatRequest.messages()) {
			messages.add(message(message));
		}
		request.messages(messages);
		List<ToolSpecification> specifications = parameters.toolSpecifications();
		if (specifications != null && !specifications.isEmpty()) {
			List<Tool> tools = new ArrayList<>();
			for (ToolSpecification specification : specifications) {
				Map<String, Object> schema = (specification.parameters() != null)
						? JsonSchemaElementUtils.toMap(specification.parameters())
						: Map.of("type", "object", "properties", Map.of());
				tools.add(Tool.function(specification.name(), specification.description(), schema));
			}
			request.tools(tools);
			if (parameters.toolChoice() != null) {
				request.toolChoice(switch (parameters.toolChoice()) {
					case AUTO -> ToolChoice.AUTO;
					case REQUIRED -> ToolChoice.REQUIRED;
					case NONE -> ToolChoice.NONE;
				});
			}
		}
		return request.build();
	}

	private static ChatMessage message(dev.langchain4j.data.message.ChatMessage message) {
		if (message instanceof SystemMessage system) {
			return ChatMessage.system(system.text());
		}
		if (message instanceof UserMessage user) {
			return ChatMessage.user(userText(user));
		}
		if (message instanceof AiMessage ai) {
			String reasoning = (ai.thinking() != null && !ai.thinking().isEmpty()) ? ai.thinking() : null;
			if (!ai.hasToolExecutionRequests()) {
				return new ChatMessage("assistant", (ai.text() != null) ? ai.text() : "", reasoning, null, null, null,
						null);
			}
			List<ToolCall> calls = new ArrayList<>();
			for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
				calls.add(ToolCall.function(call.id(), call.name(), call.arguments()));
			}
			return ChatMessage.assistant((ai.text() == null || ai.text().isEmpty()) ? null : ai.text(), reasoning,
					calls);
		}
		if (message instanceof ToolExecutionResultMessage result) {
			return ChatMessage.tool(result.id(), result.text());
		}
		throw new IllegalArgumentException(
				"DeepSeek's chat API has no message of type " + message.type().name().toLowerCase(Locale.ROOT));
	}

	private static String userText(UserMessage user) {
		if (user.hasSingleText()) {
			return user.singleText();
		}
		StringBuilder text = new StringBuilder();
		for (dev.langchain4j.data.message.Content content : user.contents()) {
			if (!(content instanceof TextContent part)) {
				throw new IllegalArgumentException(
						"DeepSeek's chat API takes text only; remove the " + content.type() + " content");
			}
			text.append(part.text());
		}
		return text.toString();
	}

	static ChatResponse toResponse(ChatCompletion completion) {
		ChatMessage message = completion.choices().isEmpty() ? ChatMessage.assistant("")
				: completion.choices().get(0).message();
		List<ToolExecutionRequest> calls = new ArrayList<>();
		if (message.toolCalls() != null) {
			for (ToolCall call : message.toolCalls()) {
				calls.add(toolRequest(call.id(), (call.function() != null) ? call.function().name() : null,
						(call.function() != null) ? call.function().arguments() : null));
			}
		}
		return response(completion.id(), completion.model(), message.content(), message.reasoningContent(), calls,
				completion.finishReason(), completion.usage());
	}

	static ToolExecutionRequest toolRequest(@Nullable String id, @Nullable String name, @Nullable String arguments) {
		return ToolExecutionRequest.builder()
			.id((id != null) ? id : "")
			.name((name != null) ? name : "")
			.arguments((arguments == null || arguments.isEmpty()) ? "{}" : arguments)
			.build();
	}

	static ChatResponse response(@Nullable String id, @Nullable String model, @Nullable String text,
			@Nullable String reasoning, List<ToolExecutionRequest> calls, @Nullable FinishReason finishReason,
			@Nullable Usage usage) {
		AiMessage.Builder message = AiMessage.builder()
			.text((text == null || text.isEmpty()) ? null : text)
			.thinking((reasoning == null || reasoning.isEmpty()) ? null : reasoning);
		if (!calls.isEmpty()) {
			message.toolExecutionRequests(calls);
		}
		ChatResponseMetadata.Builder<?> metadata = ChatResponseMetadata.builder()
			.id(id)
			.modelName(model)
			.finishReason(finishReason(finishReason));
		if (usage != null) {
			metadata.tokenUsage(new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()));
		}
		return ChatResponse.builder().aiMessage(message.build()).metadata(metadata.build()).build();
	}

	private static dev.langchain4j.model.output.@Nullable FinishReason finishReason(@Nullable FinishReason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case STOP -> dev.langchain4j.model.output.FinishReason.STOP;
			case LENGTH -> dev.langchain4j.model.output.FinishReason.LENGTH;
			case TOOL_CALLS -> dev.langchain4j.model.output.FinishReason.TOOL_EXECUTION;
			case CONTENT_FILTER -> dev.langchain4j.model.output.FinishReason.CONTENT_FILTER;
			case INSUFFICIENT_SYSTEM_RESOURCE, UNKNOWN -> dev.langchain4j.model.output.FinishReason.OTHER;
		};
	}

}
