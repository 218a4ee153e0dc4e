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

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an answer as an Anthropic Messages response: one {@code message} document, or
 * the Messages stream events ({@code message_start} to {@code message_stop}), optionally
 * followed by DeepSeek's trailing {@code data: [DONE]}.
 */
final class AnthropicRenderer {

	private final String id = "msg_" + Ids.random().replace("-", "");

	private final String model;

	private final boolean trailingDone;

	AnthropicRenderer(String model, boolean trailingDone) {
		this.model = model;
		this.trailingDone = trailingDone;
	}

	ResponseBody render(Answer answer, boolean stream) {
		if (!stream) {
			ObjectNode message = message(answer);
			ArrayNode content = message.putArray("content");
			if (!answer.reasoning().isEmpty()) {
				content.addObject()
					.put("type", "thinking")
					.put("thinking", answer.reasoningText())
					.put("signature", signature(answer));
			}
			if (!answer.content().isEmpty() || answer.toolCalls().isEmpty()) {
				content.addObject().put("type", "text").put("text", answer.contentText());
			}
			for (Reply.ToolCall call : answer.toolCalls()) {
				content.addObject()
					.put("type", "tool_use")
					.put("id", toolUseId(call))
					.put("name", call.name())
					.set("input", input(call));
			}
			message.put("stop_reason", stopReason(answer));
			message.put("stop_sequence", answer.stopSequence());
			message.set("usage", usage(answer, answer.completionTokens()));
			return new ResponseBody(false,
					List.of(new ResponseBody.Piece(Json.write(message), answer.completionTokens())));
		}
		List<ResponseBody.Piece> pieces = new ArrayList<>();
		ObjectNode start = Json.object().put("type", "message_start");
		ObjectNode message = message(answer);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putNull("stop_sequence");
		message.set("usage", usage(answer, 0));
		start.set("message", message);
		pieces.add(event("message_start", start, 0));
		pieces.add(event("ping", Json.object().put("type", "ping"), 0));
		int index = 0;
		if (!answer.reasoning().isEmpty()) {
			pieces
				.add(blockStart(index, Json.object().put("type", "thinking").put("thinking", "").put("signature", "")));
			for (String token : answer.reasoning()) {
				pieces.add(delta(index, Json.object().put("type", "thinking_delta").put("thinking", token), 1));
			}
			pieces
				.add(delta(index, Json.object().put("type", "signature_delta").put("signature", signature(answer)), 0));
			pieces.add(blockStop(index++));
		}
		if (!answer.content().isEmpty() || answer.toolCalls().isEmpty()) {
			pieces.add(blockStart(index, Json.object().put("type", "text").put("text", "")));
			for (String token : answer.content()) {
				pieces.add(delta(index, Json.object().put("type", "text_delta").put("text", token), 1));
			}
			pieces.add(blockStop(index++));
		}
		for (Reply.ToolCall call : answer.toolCalls()) {
			ObjectNode block = Json.object()
				.put("type", "tool_use")
				.put("id", toolUseId(call))
				.put("name", call.name());
			block.putObject("input");
			pieces.add(blockStart(index, block));
			for (String token : Tokens.split(call.arguments())) {
				pieces.add(delta(index, Json.object().put("type", "input_json_delta").put("partial_json", token), 1));
			}
			pieces.add(blockStop(index++));
		}
		ObjectNode messageDelta = Json.object().put("type", "message_delta");
		messageDelta.putObject("delta")
			.put("stop_reason", stopReason(answer))
			.put("stop_sequence", answer.stopSequence());
		messageDelta.set("usage", usage(answer, answer.completionTokens()));
		pieces.add(event("message_delta", messageDelta, 0));
		pieces.add(event("message_stop", Json.object().put("type", "message_stop"), 0));
		if (this.trailingDone) {
			pieces.add(new ResponseBody.Piece("data: [DONE]\n\n", 0));
		}
		return new ResponseBody(true, pieces);
	}

	private ObjectNode message(Answer answer) {
		return Json.object()
			.put("id", this.id)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", this.model);
	}

	private static ObjectNode usage(Answer answer, int outputTokens) {
		return Json.object()
			.put("input_tokens", answer.cacheMissTokens())
			.put("output_tokens", outputTokens)
			.put("cache_creation_input_tokens", 0)
			.put("cache_read_input_tokens", answer.cacheHitTokens());
	}

	/**
	 * Map the OpenAI-format finish reason; reasons Anthropic has no name for pass
	 * through.
	 */
	private static String stopReason(Answer answer) {
		return switch (answer.finishReason()) {
			case "stop" -> (answer.stopSequence() != null) ? "stop_sequence" : "end_turn";
			case "length" -> "max_tokens";
			case "tool_calls" -> "tool_use";
			case "content_filter" -> "refusal";
			default -> answer.finishReason();
		};
	}

	private static JsonNode input(Reply.ToolCall call) {
		try {
			JsonNode input = Json.MAPPER.readTree(call.arguments());
			return input.isObject() ? input : Json.object();
		}
		catch (RuntimeException ex) {
			return Json.object();
		}
	}

	private static String toolUseId(Reply.ToolCall call) {
		return "toolu_" + call.id();
	}

	private static String signature(Answer answer) {
		return "emulator-" + Integer.toHexString(answer.reasoningText().hashCode());
	}

	private static ResponseBody.Piece blockStart(int index, ObjectNode block) {
		ObjectNode start = Json.object().put("type", "content_block_start").put("index", index);
		start.set("content_block", block);
		return event("content_block_start", start, 0);
	}

	private static ResponseBody.Piece delta(int index, ObjectNode delta, int tokens) {
		ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
		event.set("delta", delta);
		return event("content_block_delta", event, tokens);
	}

	private static ResponseBody.Piece blockStop(int index) {
		return event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index), 0);
	}

	private static ResponseBody.Piece event(String name, ObjectNode data, int tokens) {
		return new ResponseBody.Piece("event: " + name + "\ndata: " + Json.write(data) + "\n\n", tokens);
	}

}
