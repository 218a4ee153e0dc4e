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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Reads DeepSeek's answers as Spring AI responses: the reasoning kept on the assistant
 * message, tool calls, finish reasons, usage with cache-read tokens, and the keep-alives
 * and wait seen before the answer.
 */
final class ResponseMapping {

	/** Response metadata key: keep-alives DeepSeek sent while the request was queued. */
	static final String KEEP_ALIVES = "deepseek.keep-alives";

	/** Response metadata key: time until the first byte that was not a keep-alive. */
	static final String FIRST_BYTE_WAIT = "deepseek.first-byte-wait";

	private ResponseMapping() {
	}

	static ChatResponse toResponse(ChatCompletion completion) {
		List<Generation> generations = new ArrayList<>();
		for (ChatCompletion.Choice choice : completion.choices()) {
			ChatMessage message = choice.message();
			generations.add(generation(message.content(), message.reasoningContent(), toolCalls(message.toolCalls()),
					choice.finishReason()));
		}
		return new ChatResponse(generations,
				metadata(completion.id(), completion.model(), completion.usage(), completion.metadata()));
	}

	static Generation generation(@Nullable String content, @Nullable String reasoning,
			List<AssistantMessage.ToolCall> toolCalls, @Nullable FinishReason finishReason) {
		Map<String, Object> properties = new HashMap<>();
		if (reasoning != null && !reasoning.isEmpty()) {
			properties.put(DeepSeekChatModel.REASONING_CONTENT, reasoning);
		}
		AssistantMessage message = AssistantMessage.builder()
			.content((content != null) ? content : "")
			.properties(properties)
			.toolCalls(toolCalls)
			.build();
		ChatGenerationMetadata metadata = (finishReason != null)
				? ChatGenerationMetadata.builder().finishReason(finishReason.name()).build()
				: ChatGenerationMetadata.NULL;
		return new Generation(message, metadata);
	}

	static ChatResponseMetadata metadata(@Nullable String id, @Nullable String model, @Nullable Usage usage,
			@Nullable ResponseMetadata wait) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.id((id != null) ? id : "")
			.model((model != null) ? model : "")
			.usage((usage != null) ? usage(usage) : new EmptyUsage());
		if (wait != null) {
			metadata.keyValue(KEEP_ALIVES, wait.keepAlives()).keyValue(FIRST_BYTE_WAIT, wait.firstByteWait());
		}
		return metadata.build();
	}

	static DefaultUsage usage(Usage usage) {
		Integer cacheHit = usage.promptCacheHitTokens();
		if (cacheHit == null && usage.promptTokensDetails() != null) {
			cacheHit = usage.promptTokensDetails().cachedTokens();
		}
		return new DefaultUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage,
				(cacheHit != null) ? cacheHit.longValue() : null, null);
	}

	private static List<AssistantMessage.ToolCall> toolCalls(@Nullable List<ToolCall> calls) {
		if (calls == null) {
			return List.of();
		}
		List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
		for (ToolCall call : calls) {
			String name = (call.function() != null && call.function().name() != null) ? call.function().name() : "";
			String arguments = (call.function() != null && call.function().arguments() != null)
					? call.function().arguments() : "{}";
			toolCalls
				.add(new AssistantMessage.ToolCall((call.id() != null) ? call.id() : "", "function", name, arguments));
		}
		return toolCalls;
	}

}
