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

package io.github.deepseekstarter.test.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an answer as a DeepSeek chat completion: one {@code chat.completion} document,
 * or {@code chat.completion.chunk} events ending with {@code data: [DONE]}.
 */
final class OpenAiRenderer {

	static final String FINGERPRINT = "fp_emulator";

	private final String id = Ids.random();

	private final long created = Instant.now().getEpochSecond();

	private final String model;

	OpenAiRenderer(String model) {
		this.model = model;
	}

	ResponseBody render(Answer answer, boolean stream, boolean includeUsage) {
		if (!stream) {
			return new ResponseBody(false,
					List.of(new ResponseBody.Piece(Json.write(completion(answer)), answer.completionTokens())));
		}
		List<ResponseBody.Piece> pieces = new ArrayList<>();
		ObjectNode role = Json.object().put("role", "assistant").put("content", "");
		pieces.add(event(chunk(role, null), 0));
		for (String token : answer.reasoning()) {
			pieces.add(event(chunk(Json.object().putNull("content").put("reasoning_content", token), null), 1));
		}
		for (String token : answer.content()) {
			pieces.add(event(chunk(Json.object().put("content", token), null), 1));
		}
		for (int i = 0; i < answer.toolCalls().size(); i++) {
			Reply.ToolCall call = answer.toolCalls().get(i);
			ObjectNode first = Json.object();
			first.put("index", i).put("id", call.id()).put("type", "function");
			first.putObject("function").put("name", call.name()).put("arguments", "");
			pieces.add(event(chunk(toolDelta(first), null), 1));
			for (String token : Tokens.split(call.arguments())) {
				ObjectNode next = Json.object().put("index", i);
				next.putObject("function").put("arguments", token);
				pieces.add(event(chunk(toolDelta(next), null), 1));
			}
		}
		pieces.add(event(chunk(Json.object().put("content", ""), answer.finishReason()), 0));
		if (includeUsage) {
			ObjectNode usageChunk = envelope("chat.completion.chunk");
			usageChunk.putArray("choices");
			usageChunk.set("usage", usage(answer));
			pieces.add(event(usageChunk, 0));
		}
		pieces.add(new ResponseBody.Piece("data: [DONE]\n\n", 0));
		return new ResponseBody(true, pieces);
	}

	private ObjectNode completion(Answer answer) {
		ObjectNode root = envelope("chat.completion");
		ObjectNode choice = root.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		if (answer.content().isEmpty() && !answer.toolCalls().isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", answer.contentText());
		}
		if (!answer.reasoning().isEmpty()) {
			message.put("reasoning_content", answer.reasoningText());
		}
		if (!answer.toolCalls().isEmpty()) {
			ArrayNode calls = message.putArray("tool_calls");
			for (int i = 0; i < answer.toolCalls().size(); i++) {
				Reply.ToolCall call = answer.toolCalls().get(i);
				ObjectNode node = calls.addObject().put("index", i).put("id", call.id()).put("type", "function");
				node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", answer.finishReason());
		root.set("usage", usage(answer));
		return root;
	}

	private ObjectNode chunk(ObjectNode delta, @Nullable String finishReason) {
		ObjectNode root = envelope("chat.completion.chunk");
		ObjectNode choice = root.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		return root;
	}

	private static ObjectNode toolDelta(ObjectNode call) {
		ObjectNode delta = Json.object();
		delta.putArray("tool_calls").add(call);
		return delta;
	}

	private ObjectNode envelope(String object) {
		return Json.object()
			.put("id", this.id)
			.put("object", object)
			.put("created", this.created)
			.put("model", this.model)
			.put("system_fingerprint", FINGERPRINT);
	}

	static ObjectNode usage(Answer answer) {
		ObjectNode usage = Json.object();
		usage.put("prompt_tokens", answer.promptTokens());
		usage.put("completion_tokens", answer.completionTokens());
		usage.put("total_tokens", answer.promptTokens() + answer.completionTokens());
		usage.putObject("prompt_tokens_details").put("cached_tokens", answer.cacheHitTokens());
		usage.putObject("completion_tokens_details").put("reasoning_tokens", answer.reasoningTokens());
		usage.put("prompt_cache_hit_tokens", answer.cacheHitTokens());
		usage.put("prompt_cache_miss_tokens", answer.cacheMissTokens());
		return usage;
	}

	private static ResponseBody.Piece event(ObjectNode chunk, int tokens) {
		return new ResponseBody.Piece("data: " + Json.write(chunk) + "\n\n", tokens);
	}

}
