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

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletion.Choice;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk.ChunkChoice;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk.Delta;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
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
 * Reads the OpenAI format's answers token by token: a completion (its choices, their
 * messages and the usage) and a stream chunk (its choices and their deltas), which a
 * stream carries once per token. Data binding builds a property buffer, looks each name
 * up among the creator's properties and dispatches to a deserializer per nested record;
 * for a few hundred bytes per event that was most of the stream's JSON cost.
 * <p>
 * What is read here reads as data binding reads it: unknown names are skipped, a missing
 * or {@code null} value is {@code null} (0 for a number), and every value of another
 * shape than the usual one (a number where text is expected, say) goes to data binding,
 * which accepts or refuses it as it always does; so do the rare parts (log probabilities,
 * tool calls, finish reasons, the usage's details) and an answer that is not an object.
 * The generative tests hold both readers to the same results on random answers.
 */
final class OpenAiResponseDeserializer extends DelegatingDeserializer {

	private final boolean chunk;

	private final @Nullable Parts parts;

	private OpenAiResponseDeserializer(boolean chunk, ValueDeserializer<?> dataBinding, @Nullable Parts parts) {
		super(dataBinding);
		this.chunk = chunk;
		this.parts = parts;
	}

	/**
	 * The module that puts these readers in front of data binding's own deserializers of
	 * {@link ChatCompletion} and {@link ChatCompletionChunk}.
	 * @return the module
	 */
	static SimpleModule module() {
		return new SimpleModule("deepseek-openai-readers").setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				if (type == ChatCompletionChunk.class || type == ChatCompletion.class) {
					return new OpenAiResponseDeserializer(type == ChatCompletionChunk.class, deserializer, null);
				}
				return deserializer;
			}

		});
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
		return new OpenAiResponseDeserializer(this.chunk, delegatee, this.parts);
	}

	/**
	 * Looks the parts' deserializers up once: {@code DeserializationContext#readValue}
	 * contextualizes a bean's deserializer again on every call, building its name matcher
	 * each time.
	 */
	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		OpenAiResponseDeserializer contextual = (OpenAiResponseDeserializer) super.createContextual(context, property);
		return new OpenAiResponseDeserializer(this.chunk, contextual._delegatee, new Parts(context, this.chunk));
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		if (!parser.hasToken(JsonToken.START_OBJECT)) {
			return super.deserialize(parser, context);
		}
		Parts parts = (this.parts != null) ? this.parts : new Parts(context, this.chunk);
		String id = null;
		String object = null;
		long created = 0;
		String model = null;
		String systemFingerprint = null;
		List<Object> choices = null;
		Usage usage = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "id" -> id = parts.text(parser, context, token);
				case "object" -> object = parts.text(parts.objects, parser, context, token);
				case "created" -> created = (token == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
						: _parseLongPrimitive(parser, context);
				case "model" -> model = parts.text(parts.models, parser, context, token);
				case "system_fingerprint" -> systemFingerprint = parts.text(parts.fingerprints, parser, context, token);
				case "choices" -> choices = choices(parser, context, parts, token);
				case "usage" -> usage = usage(parser, context, parts, token);
				default -> parser.skipChildren();
			}
		}
		return this.chunk
				? new ChatCompletionChunk(id, object, created, model, systemFingerprint, cast(choices), usage, null)
				: new ChatCompletion(id, object, created, model, systemFingerprint, cast(choices), usage, null);
	}

	private @Nullable List<Object> choices(JsonParser parser, DeserializationContext context, Parts parts,
			JsonToken token) {
		if (token != JsonToken.START_ARRAY) {
			return parts.read(parts.choices, parser, context, token);
		}
		List<Object> choices = new ArrayList<>(1);
		for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
			choices.add((element == JsonToken.START_OBJECT) ? choice(parser, context, parts)
					: parts.read(parts.choice, parser, context, element));
		}
		return choices;
	}

	private Object choice(JsonParser parser, DeserializationContext context, Parts parts) {
		int index = 0;
		Object message = null;
		Logprobs logprobs = null;
		FinishReason finishReason = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "index" -> index = count(parser, context, token);
				// A chunk's choice has a delta, a completion's a message; the other name
				// is
				// skipped, as data binding skips a name it does not know.
				case "delta", "message" -> {
					if (name.equals(this.chunk ? "delta" : "message")) {
						message = message(parser, context, parts, token);
					}
					else {
						parser.skipChildren();
					}
				}
				case "logprobs" -> logprobs = parts.read(parts.logprobs, parser, context, token);
				case "finish_reason" -> finishReason = parts.read(parts.finishReason, parser, context, token);
				default -> parser.skipChildren();
			}
		}
		return this.chunk ? new ChunkChoice(index, (Delta) message, logprobs, finishReason)
				: new Choice(index, (ChatMessage) message, logprobs, finishReason);
	}

	/**
	 * A completion's message or a chunk's delta: the delta's four fields are the first
	 * four of the message's.
	 */
	private @Nullable Object message(JsonParser parser, DeserializationContext context, Parts parts, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			return parts.read(parts.message, parser, context, token);
		}
		String role = null;
		String content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		String messageName = null;
		String toolCallId = null;
		Boolean prefix = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "role" -> role = parts.text(parser, context, value);
				case "content" -> content = parts.text(parser, context, value);
				case "reasoning_content" -> reasoningContent = parts.text(parser, context, value);
				case "tool_calls" -> toolCalls = parts.read(parts.toolCalls, parser, context, value);
				// A delta has none of these three: skipped, as data binding skips them.
				case "name" -> messageName = this.chunk ? skipped(parser) : parts.text(parser, context, value);
				case "tool_call_id" -> toolCallId = this.chunk ? skipped(parser) : parts.text(parser, context, value);
				case "prefix" -> prefix = this.chunk ? skipped(parser) : parts.read(parts.flag, parser, context, value);
				default -> parser.skipChildren();
			}
		}
		return this.chunk ? new Delta(role, content, reasoningContent, toolCalls)
				: new ChatMessage(role, content, reasoningContent, messageName, toolCalls, toolCallId, prefix);
	}

	private @Nullable Usage usage(JsonParser parser, DeserializationContext context, Parts parts, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			return parts.read(parts.usage, parser, context, token);
		}
		int promptTokens = 0;
		int completionTokens = 0;
		int totalTokens = 0;
		Integer cacheHit = null;
		Integer cacheMiss = null;
		Usage.CompletionTokensDetails completionDetails = null;
		Usage.PromptTokensDetails promptDetails = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "prompt_tokens" -> promptTokens = count(parser, context, value);
				case "completion_tokens" -> completionTokens = count(parser, context, value);
				case "total_tokens" -> totalTokens = count(parser, context, value);
				case "prompt_cache_hit_tokens" -> cacheHit = parts.number(parser, context, value);
				case "prompt_cache_miss_tokens" -> cacheMiss = parts.number(parser, context, value);
				case "completion_tokens_details" -> completionDetails = (value == JsonToken.START_OBJECT)
						? new Usage.CompletionTokensDetails(detail(parser, context, parts, "reasoning_tokens"))
						: parts.read(parts.completionDetails, parser, context, value);
				case "prompt_tokens_details" -> promptDetails = (value == JsonToken.START_OBJECT)
						? new Usage.PromptTokensDetails(detail(parser, context, parts, "cached_tokens"))
						: parts.read(parts.promptDetails, parser, context, value);
				default -> parser.skipChildren();
			}
		}
		return new Usage(promptTokens, completionTokens, totalTokens, cacheHit, cacheMiss, completionDetails,
				promptDetails);
	}

	/**
	 * The one count of a usage's details object, whose other names are skipped.
	 */
	private static @Nullable Integer detail(JsonParser parser, DeserializationContext context, Parts parts,
			String wanted) {
		Integer count = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if (name.equals(wanted)) {
				count = parts.number(parser, context, value);
			}
			else {
				parser.skipChildren();
			}
		}
		return count;
	}

	private int count(JsonParser parser, DeserializationContext context, JsonToken token) {
		return (token == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : _parseIntPrimitive(parser, context);
	}

	private static <T> @Nullable T skipped(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> cast(@Nullable List<Object> list) {
		return (List<T>) list;
	}

	/**
	 * Data binding's deserializers of the parts, contextualized once.
	 */
	private static final class Parts {

		final ValueDeserializer<Object> text;

		final ValueDeserializer<Object> number;

		final ValueDeserializer<Object> flag;

		final ValueDeserializer<Object> usage;

		final ValueDeserializer<Object> completionDetails;

		final ValueDeserializer<Object> promptDetails;

		final ValueDeserializer<Object> choices;

		final ValueDeserializer<Object> choice;

		final ValueDeserializer<Object> message;

		final ValueDeserializer<Object> logprobs;

		final ValueDeserializer<Object> finishReason;

		final ValueDeserializer<Object> toolCalls;

		final RecentText objects = new RecentText();

		final RecentText models = new RecentText();

		final RecentText fingerprints = new RecentText();

		Parts(DeserializationContext context, boolean chunk) {
			Class<?> choice = chunk ? ChunkChoice.class : Choice.class;
			this.text = find(context, context.constructType(String.class));
			this.number = find(context, context.constructType(Integer.class));
			this.flag = find(context, context.constructType(Boolean.class));
			this.usage = find(context, context.constructType(Usage.class));
			this.completionDetails = find(context, context.constructType(Usage.CompletionTokensDetails.class));
			this.promptDetails = find(context, context.constructType(Usage.PromptTokensDetails.class));
			this.choices = find(context, listOf(context, choice));
			this.choice = find(context, context.constructType(choice));
			this.message = find(context, context.constructType(chunk ? Delta.class : ChatMessage.class));
			this.logprobs = find(context, context.constructType(Logprobs.class));
			this.finishReason = find(context, context.constructType(FinishReason.class));
			this.toolCalls = find(context, listOf(context, ToolCall.class));
		}

		@Nullable String text(JsonParser parser, DeserializationContext context, JsonToken token) {
			return (token == JsonToken.VALUE_STRING) ? parser.getString() : read(this.text, parser, context, token);
		}

		/**
		 * Text of a member whose few values answers repeat, the one kept if it was read
		 * lately.
		 */
		@Nullable String text(RecentText recent, JsonParser parser, DeserializationContext context, JsonToken token) {
			return (token == JsonToken.VALUE_STRING) ? recent.text(parser) : read(this.text, parser, context, token);
		}

		@Nullable Integer number(JsonParser parser, DeserializationContext context, JsonToken token) {
			return (token == JsonToken.VALUE_NUMBER_INT) ? Integer.valueOf(parser.getIntValue())
					: read(this.number, parser, context, token);
		}

		/**
		 * A value read by data binding, {@code null} for a JSON null as for a property.
		 */
		@SuppressWarnings("unchecked")
		<T> @Nullable T read(ValueDeserializer<Object> deserializer, JsonParser parser, DeserializationContext context,
				JsonToken token) {
			return (token == JsonToken.VALUE_NULL) ? null : (T) deserializer.deserialize(parser, context);
		}

		private static ValueDeserializer<Object> find(DeserializationContext context, JavaType type) {
			return context.findRootValueDeserializer(type);
		}

		private static JavaType listOf(DeserializationContext context, Class<?> element) {
			return context.getTypeFactory().constructCollectionType(List.class, element);
		}

	}

	/**
	 * A few texts lately read for one member whose values repeat: every chunk of every
	 * stream names the same object, one of a few models and the same fingerprint, and
	 * each was a new {@code String} per chunk. Text read again is the one kept. Threads
	 * share it without a lock: a slot holds one whole {@code String} or another, and a
	 * text lost to a race is only read anew.
	 */
	static final class RecentText {

		private static final int SLOTS = 4;

		/** Longer text is read as it is: no member kept here is that long. */
		private static final int MAX_LENGTH = 64;

		private final @Nullable String[] recent = new String[SLOTS];

		private int next;

		String text(JsonParser parser) {
			int length = parser.getStringLength();
			if (length > MAX_LENGTH) {
				return parser.getString();
			}
			char[] chars = parser.getStringCharacters();
			int offset = parser.getStringOffset();
			for (String kept : this.recent) {
				if (kept != null && sameText(kept, chars, offset, length)) {
					return kept;
				}
			}
			String text = new String(chars, offset, length);
			this.recent[(this.next++) & (SLOTS - 1)] = text;
			return text;
		}

		private static boolean sameText(String text, char[] chars, int offset, int length) {
			if (text.length() != length) {
				return false;
			}
			for (int i = 0; i < length; i++) {
				if (text.charAt(i) != chars[offset + i]) {
					return false;
				}
			}
			return true;
		}

	}

}
