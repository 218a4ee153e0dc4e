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

import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk.ChunkChoice;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk.Delta;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.Logprobs;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads an OpenAI-format stream chunk token by token: the chunk, its choices and their
 * deltas, which a stream carries once per token. Data binding builds a property buffer,
 * looks each name up among the creator's properties and dispatches to a deserializer per
 * nested record; for a few hundred bytes per event that was most of the stream's JSON
 * cost.
 * <p>
 * What is read here reads as data binding reads it: unknown names are skipped, a missing
 * or {@code null} value is {@code null} (0 for a number), and every value of another
 * shape than the usual one (a number where text is expected, say) goes to data binding,
 * which accepts or refuses it as it always does; so do the rare parts, usage, log
 * probabilities, tool calls and finish reasons, and a chunk that is not an object. The
 * generative tests hold both readers to the same results on random chunks.
 */
final class ChunkDeserializer extends DelegatingDeserializer {

	private final @Nullable Parts parts;

	ChunkDeserializer(ValueDeserializer<?> dataBinding) {
		this(dataBinding, null);
	}

	private ChunkDeserializer(ValueDeserializer<?> dataBinding, @Nullable Parts parts) {
		super(dataBinding);
		this.parts = parts;
	}

	/**
	 * The module that puts this reader in front of data binding's own deserializer of
	 * {@link ChatCompletionChunk}.
	 * @return the module
	 */
	static SimpleModule module() {
		return new SimpleModule("deepseek-chunk-reader").setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return (description.getBeanClass() == ChatCompletionChunk.class) ? new ChunkDeserializer(deserializer)
						: deserializer;
			}

		});
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
		return new ChunkDeserializer(delegatee, this.parts);
	}

	/**
	 * Looks the parts' deserializers up once: {@code DeserializationContext#readValue}
	 * contextualizes a bean's deserializer again on every call, building its name matcher
	 * each time.
	 */
	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		ChunkDeserializer contextual = (ChunkDeserializer) super.createContextual(context, property);
		return new ChunkDeserializer(contextual._delegatee, new Parts(context));
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		if (!parser.hasToken(JsonToken.START_OBJECT)) {
			return super.deserialize(parser, context);
		}
		Parts parts = (this.parts != null) ? this.parts : new Parts(context);
		String id = null;
		String object = null;
		long created = 0;
		String model = null;
		String systemFingerprint = null;
		List<ChunkChoice> choices = null;
		Usage usage = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "id" -> id = parts.text(parser, context, token);
				case "object" -> object = parts.text(parser, context, token);
				case "created" -> created = (token == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
						: _parseLongPrimitive(parser, context);
				case "model" -> model = parts.text(parser, context, token);
				case "system_fingerprint" -> systemFingerprint = parts.text(parser, context, token);
				case "choices" -> choices = choices(parser, context, parts, token);
				case "usage" ->
					usage = (token == JsonToken.VALUE_NULL) ? null : parts.read(parts.usage, parser, context);
				default -> parser.skipChildren();
			}
		}
		return new ChatCompletionChunk(id, object, created, model, systemFingerprint, choices, usage, null);
	}

	private @Nullable List<ChunkChoice> choices(JsonParser parser, DeserializationContext context, Parts parts,
			JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			return parts.read(parts.choices, parser, context);
		}
		List<ChunkChoice> choices = new ArrayList<>(1);
		for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
			if (element == JsonToken.START_OBJECT) {
				choices.add(choice(parser, context, parts));
			}
			else {
				choices.add((element == JsonToken.VALUE_NULL) ? null : parts.read(parts.choice, parser, context));
			}
		}
		return choices;
	}

	private ChunkChoice choice(JsonParser parser, DeserializationContext context, Parts parts) {
		int index = 0;
		Delta delta = null;
		Logprobs logprobs = null;
		FinishReason finishReason = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "index" -> index = (token == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue()
						: _parseIntPrimitive(parser, context);
				case "delta" -> delta = delta(parser, context, parts, token);
				case "logprobs" ->
					logprobs = (token == JsonToken.VALUE_NULL) ? null : parts.read(parts.logprobs, parser, context);
				case "finish_reason" -> finishReason = (token == JsonToken.VALUE_NULL) ? null
						: parts.read(parts.finishReason, parser, context);
				default -> parser.skipChildren();
			}
		}
		return new ChunkChoice(index, delta, logprobs, finishReason);
	}

	private @Nullable Delta delta(JsonParser parser, DeserializationContext context, Parts parts, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			return (token == JsonToken.VALUE_NULL) ? null : parts.read(parts.delta, parser, context);
		}
		String role = null;
		String content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "role" -> role = parts.text(parser, context, value);
				case "content" -> content = parts.text(parser, context, value);
				case "reasoning_content" -> reasoningContent = parts.text(parser, context, value);
				case "tool_calls" ->
					toolCalls = (value == JsonToken.VALUE_NULL) ? null : parts.read(parts.toolCalls, parser, context);
				default -> parser.skipChildren();
			}
		}
		return new Delta(role, content, reasoningContent, toolCalls);
	}

	/**
	 * Data binding's deserializers of the parts, contextualized once.
	 */
	private static final class Parts {

		final ValueDeserializer<Object> text;

		final ValueDeserializer<Object> usage;

		final ValueDeserializer<Object> choices;

		final ValueDeserializer<Object> choice;

		final ValueDeserializer<Object> delta;

		final ValueDeserializer<Object> logprobs;

		final ValueDeserializer<Object> finishReason;

		final ValueDeserializer<Object> toolCalls;

		Parts(DeserializationContext context) {
			this.text = find(context, context.constructType(String.class));
			this.usage = find(context, context.constructType(Usage.class));
			this.choices = find(context, listOf(context, ChunkChoice.class));
			this.choice = find(context, context.constructType(ChunkChoice.class));
			this.delta = find(context, context.constructType(Delta.class));
			this.logprobs = find(context, context.constructType(Logprobs.class));
			this.finishReason = find(context, context.constructType(FinishReason.class));
			this.toolCalls = find(context, listOf(context, ToolCall.class));
		}

		@Nullable String text(JsonParser parser, DeserializationContext context, JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			return (token == JsonToken.VALUE_NULL) ? null : (String) this.text.deserialize(parser, context);
		}

		@SuppressWarnings("unchecked")
		<T> T read(ValueDeserializer<Object> deserializer, JsonParser parser, DeserializationContext context) {
			return (T) deserializer.deserialize(parser, context);
		}

		private static ValueDeserializer<Object> find(DeserializationContext context, JavaType type) {
			return context.findRootValueDeserializer(type);
		}

		private static JavaType listOf(DeserializationContext context, Class<?> element) {
			return context.getTypeFactory().constructCollectionType(List.class, element);
		}

	}

}
