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

package io.github.deepseekstarter.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.deepseekstarter.protocol.anthropic.ContentBlock;
import io.github.deepseekstarter.protocol.anthropic.MessageParam;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.Thinking;
import io.github.deepseekstarter.protocol.anthropic.Tool;
import io.github.deepseekstarter.protocol.anthropic.ToolChoice;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest.ResponseFormat;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest.StreamOptions;
import io.github.deepseekstarter.protocol.openai.ChatMessage;

/**
 * Requests of both formats drawn at random, every optional field present or not, with
 * text of two- and three-byte UTF-8 characters.
 */
public final class WireRequests {

	private WireRequests() {
	}

	/**
	 * An OpenAI chat completion request over every field that has a rule of its own.
	 * @param random the source of the draw
	 * @return the request
	 */
	public static ChatCompletionRequest openAi(SplittableRandom random) {
		List<ChatMessage> messages = new ArrayList<>();
		if (random.nextBoolean()) {
			messages.add(ChatMessage.system("be brief"));
		}
		messages.add(ChatMessage.user("question " + random.nextInt(100) + " é 日本"));
		if (random.nextBoolean()) {
			messages.add(ChatMessage.assistant(null, "thought", List.of()));
			messages.add(ChatMessage.tool("call-1", "{\"ok\":true}"));
		}
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder().messages(messages);
		if (random.nextBoolean()) {
			builder.model("deepseek-chat");
		}
		if (random.nextBoolean()) {
			builder.thinking(random.nextBoolean() ? ChatCompletionRequest.Thinking.ENABLED
					: ChatCompletionRequest.Thinking.DISABLED);
		}
		if (random.nextBoolean()) {
			builder.reasoningEffort("high");
		}
		if (random.nextBoolean()) {
			builder.maxTokens(1 + random.nextInt(4096));
		}
		if (random.nextBoolean()) {
			builder.temperature(random.nextDouble() * 2).topP(random.nextDouble());
		}
		if (random.nextBoolean()) {
			builder.frequencyPenalty(0.5).presencePenalty(-0.5);
		}
		if (random.nextBoolean()) {
			builder.stop(List.of("\n\n", "END"));
		}
		switch (random.nextInt(3)) {
			case 0 -> builder.streamOptions(StreamOptions.INCLUDE_USAGE);
			case 1 -> builder.streamOptions(new StreamOptions(false));
			default -> {
			}
		}
		if (random.nextBoolean()) {
			builder
				.tools(List.of(io.github.deepseekstarter.protocol.openai.Tool.function("weather", "the weather",
						Map.of("type", "object"))))
				.toolChoice(io.github.deepseekstarter.protocol.openai.ToolChoice.function("weather"));
		}
		if (random.nextBoolean()) {
			builder.responseFormat(ResponseFormat.JSON_OBJECT);
		}
		if (random.nextBoolean()) {
			builder.logprobs(true).topLogprobs(random.nextInt(20));
		}
		if (random.nextBoolean()) {
			builder.userId("explicit-" + random.nextInt(10));
		}
		return builder.build();
	}

	/**
	 * An Anthropic Messages request over every field the format has.
	 * @param random the source of the draw
	 * @return the request
	 */
	public static MessageRequest anthropic(SplittableRandom random) {
		List<MessageParam> messages = new ArrayList<>();
		messages.add(MessageParam.user("question " + random.nextInt(100) + " \u00e9 \u65e5\u672c"));
		if (random.nextBoolean()) {
			messages.add(new MessageParam("assistant",
					List.of(ContentBlock.thinking("thought", random.nextBoolean() ? "sig" : null),
							ContentBlock.toolUse("toolu_1", "weather", Map.of("city", "Paris")))));
			messages.add(new MessageParam("user", List.of(ContentBlock.toolResult("toolu_1", "{\"ok\":true}"))));
		}
		MessageRequest.Builder builder = MessageRequest.builder().messages(messages);
		if (random.nextBoolean()) {
			builder.model("deepseek-chat");
		}
		if (random.nextBoolean()) {
			builder.maxTokens(1 + random.nextInt(4096));
		}
		if (random.nextBoolean()) {
			builder.system("be brief");
		}
		if (random.nextBoolean()) {
			builder.stopSequences(List.of("\n\n", "END"));
		}
		if (random.nextBoolean()) {
			builder.temperature(random.nextDouble()).topP(random.nextDouble());
		}
		if (random.nextBoolean()) {
			builder
				.tools(List
					.of(new Tool("weather", random.nextBoolean() ? "the weather" : null, Map.of("type", "object"))))
				.toolChoice(random.nextBoolean() ? ToolChoice.tool("weather") : ToolChoice.AUTO);
		}
		switch (random.nextInt(3)) {
			case 0 -> builder.thinking(Thinking.ENABLED);
			case 1 -> builder.thinking(new Thinking("enabled", 1024));
			default -> {
			}
		}
		if (random.nextBoolean()) {
			builder.userId("explicit-" + random.nextInt(10));
		}
		return builder.build();
	}

}
