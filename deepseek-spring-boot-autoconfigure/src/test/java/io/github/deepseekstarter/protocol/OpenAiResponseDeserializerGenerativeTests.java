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
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generative tests of {@link OpenAiResponseDeserializer}: random stream chunks and
 * completions, in any order of their names, with names the record does not know, values
 * missing or {@code null}, text with escapes and characters outside the BMP, numbers
 * where text is expected and the other way round, values of a shape no chunk has, rare
 * parts (usage, log probabilities, tool calls, finish reasons known and unknown) and
 * random white space, must read to the same record as with data binding alone, or fail as
 * data binding fails. Duplicate names are not generated: JSON leaves their meaning open,
 * and data binding itself keeps the first or the last depending on where they come.
 * <p>
 * Each case is built from its seed alone. {@code mvn verify} runs {@value #DEFAULT_TRIES}
 * cases from a fixed seed; a long run sets {@code -Ddeepseek.json.tries=N} and
 * {@code -Ddeepseek.json.seed=S}.
 */
class OpenAiResponseDeserializerGenerativeTests {

	static final int DEFAULT_TRIES = 3000;

	private static final long DEFAULT_SEED = 20261201L;

	private static final JsonMapper DATA_BINDING = DeepSeekJson.dataBinding().build();

	private static final JsonMapper JACKSON_ACCESSORS = DeepSeekJson.withJacksonAccessors().build();

	static Stream<Long> seeds() {
		int tries = Integer.getInteger("deepseek.json.tries", DEFAULT_TRIES);
		long seed = Long.getLong("deepseek.json.seed", DEFAULT_SEED);
		return LongStream.range(0, tries).mapToObj((i) -> seed + i * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest
	@ValueSource(classes = { ChatCompletionChunk.class, ChatCompletion.class })
	void theWireMapperReadsAnswersWithTheTokenReader(Class<?> type) {
		JsonMapper mapper = DeepSeekJson.mapper();
		assertThat(mapper._deserializationContext().findRootValueDeserializer(mapper.constructType(type)))
			.isInstanceOf(OpenAiResponseDeserializer.class);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void readsEveryChunkAsDataBindingDoes(long seed) {
		readsAsDataBindingDoes(seed, ChatCompletionChunk.class, new Generator(new SplittableRandom(seed), true));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void readsEveryCompletionAsDataBindingDoes(long seed) {
		readsAsDataBindingDoes(seed, ChatCompletion.class, new Generator(new SplittableRandom(seed), false));
	}

	private static void readsAsDataBindingDoes(long seed, Class<?> type, Generator generator) {
		String json = generator.answer();
		ObjectReader dataBinding = DATA_BINDING.readerFor(type);
		ObjectReader tokenReader = DeepSeekJson.mapper().readerFor(type);
		ReadOutcome expected = ReadOutcome.of(() -> dataBinding.readValue(json));
		ReadOutcome actual = ReadOutcome.of(() -> tokenReader.readValue(json));
		assertThat(actual).as("seed %d: %s", seed, json).isEqualTo(expected);
		// Data binding here reaches properties through generated accessors: they read
		// what Jackson's own do.
		ReadOutcome jacksonAccessors = ReadOutcome.of(() -> JACKSON_ACCESSORS.readerFor(type).readValue(json));
		assertThat(expected).as("seed %d: %s", seed, json).isEqualTo(jacksonAccessors);
	}

	@Test
	void readsTheChunksDeepSeekSends() throws Exception {
		String json = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1796143018,"
				+ "\"model\":\"deepseek-v4-flash\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":null,\"reasoning_content\":\" Say\"},\"logprobs\":null,"
				+ "\"finish_reason\":null}]}";
		ChatCompletionChunk chunk = DeepSeekJson.mapper().readValue(json, ChatCompletionChunk.class);
		assertThat(chunk).isEqualTo(DATA_BINDING.readValue(json, ChatCompletionChunk.class));
		assertThat(chunk.reasoningContent()).isEqualTo(" Say");
		assertThat(chunk.content()).isNull();
		assertThat(chunk.created()).isEqualTo(1796143018L);
	}

	@Test
	void keepsOnceTheTextThatEveryChunkRepeats() throws Exception {
		ChatCompletionChunk first = DeepSeekJson.mapper()
			.readValue(chunk("c1", "deepseek-v4-flash"), ChatCompletionChunk.class);
		ChatCompletionChunk pro = DeepSeekJson.mapper()
			.readValue(chunk("c2", "deepseek-v4-pro"), ChatCompletionChunk.class);
		ChatCompletionChunk again = DeepSeekJson.mapper()
			.readValue(chunk("c3", "deepseek-v4-flash"), ChatCompletionChunk.class);
		assertThat(again)
			.isEqualTo(DATA_BINDING.readValue(chunk("c3", "deepseek-v4-flash"), ChatCompletionChunk.class));
		assertThat(again.model()).isSameAs(first.model());
		assertThat(again.object()).isSameAs(first.object());
		assertThat(again.systemFingerprint()).isSameAs(first.systemFingerprint());
		assertThat(pro.model()).isEqualTo("deepseek-v4-pro");
		assertThat(pro.object()).isSameAs(first.object());
		assertThat(again.id()).isEqualTo("c3");
	}

	@Test
	void threadsThatReadOtherTextAtOnceEachReadTheirOwn() throws Exception {
		// More models than the reader keeps, read by two threads at once: every slot is
		// taken over again and again while the other thread reads it.
		List<String> models = List.of("deepseek-v4-flash", "deepseek-v4-pro", "deepseek-v4-flasH", "deepseek-v4-prO",
				"model-a", "model-b");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> readers = new ArrayList<>();
			for (int thread = 0; thread < 2; thread++) {
				int first = thread;
				readers.add(threads.submit(() -> {
					int read = 0;
					for (int i = 0; i < 20_000; i++) {
						String model = models.get((first + i * (first + 1)) % models.size());
						ChatCompletionChunk chunk = DeepSeekJson.mapper()
							.readValue(chunk("c" + i, model), ChatCompletionChunk.class);
						assertThat(chunk.model()).isEqualTo(model);
						read++;
					}
					return read;
				}));
			}
			for (Future<Integer> reader : readers) {
				assertThat(reader.get(2, TimeUnit.MINUTES)).isEqualTo(20_000);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String chunk(String id, String model) {
		return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1796143018,\"model\":\"" + model
				+ "\",\"system_fingerprint\":\"fp_emulator\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Echo\"},"
				+ "\"logprobs\":null,\"finish_reason\":null}]}";
	}

	/**
	 * What reading gave: the chunk, or the error's type and message without its location.
	 */
	private static final class Generator {

		private static final String[] TEXTS = { "", "token", " Say", "héllo", "\u4f60\u597d", "\ud83d\ude00 ok",
				"tab\tline\nquote\"back\\slash", "\u0000\u001f", "/slash", "[DONE]", "deepseek-v4-flash",
				"deepseek-v4-flasH", "deepseek-v4-pro", "Deepseek-v4-pro" };

		private static final String[] FINISH_REASONS = { "stop", "length", "content_filter", "tool_calls",
				"insufficient_system_resource", "something_new" };

		private final SplittableRandom random;

		private final boolean chunk;

		Generator(SplittableRandom random, boolean chunk) {
			this.random = random;
			this.chunk = chunk;
		}

		/**
		 * A chunk or a completion; now and then with the other one's names, which each
		 * reader must skip.
		 */
		String answer() {
			List<String> members = new ArrayList<>();
			maybe(members, "id", this::textValue);
			maybe(members, "object",
					() -> oneOf(quoted(this.chunk ? "chat.completion.chunk" : "chat.completion"), textValue()));
			maybe(members, "created", this::longValue);
			maybe(members, "model", this::textValue);
			maybe(members, "system_fingerprint", this::textValue);
			maybe(members, "choices", this::choices);
			maybe(members, "usage", this::usage);
			unknownMembers(members);
			return object(members);
		}

		private String choices() {
			int kind = this.random.nextInt(12);
			if (kind == 0) {
				return "null";
			}
			if (kind == 1) {
				return oddValue();
			}
			List<String> elements = new ArrayList<>();
			int count = (kind < 4) ? this.random.nextInt(4) : 1;
			for (int i = 0; i < count; i++) {
				elements.add((this.random.nextInt(20) == 0) ? oneOf("null", oddValue()) : choice());
			}
			return "[" + space() + String.join("," + space(), elements) + space() + "]";
		}

		private String choice() {
			List<String> members = new ArrayList<>();
			maybe(members, "index", this::intValue);
			String own = this.chunk ? "delta" : "message";
			maybe(members, own, () -> (this.random.nextInt(15) == 0) ? oneOf("null", oddValue()) : message());
			if (this.random.nextInt(10) == 0) {
				members.add(member(this.chunk ? "message" : "delta", message()));
			}
			maybe(members, "logprobs", this::logprobs);
			maybe(members, "finish_reason", () -> (this.random.nextInt(3) == 0)
					? quoted(FINISH_REASONS[this.random.nextInt(FINISH_REASONS.length)]) : "null");
			unknownMembers(members);
			return object(members);
		}

		private String message() {
			List<String> members = new ArrayList<>();
			maybe(members, "role", () -> oneOf(quoted("assistant"), textValue()));
			maybe(members, "content", this::textValue);
			maybe(members, "reasoning_content", this::textValue);
			maybe(members, "tool_calls", this::toolCalls);
			boolean messageNames = !this.chunk || this.random.nextInt(10) == 0;
			if (messageNames && this.random.nextBoolean()) {
				members.add(member("name", textValue()));
			}
			if (messageNames && this.random.nextBoolean()) {
				members.add(member("tool_call_id", textValue()));
			}
			if (messageNames && this.random.nextBoolean()) {
				members.add(member("prefix", oneOf("true", "false", "null", "1", quoted("true"), oddValue())));
			}
			unknownMembers(members);
			return object(members);
		}

		private String toolCalls() {
			if (this.random.nextInt(4) == 0) {
				return "null";
			}
			List<String> calls = new ArrayList<>();
			for (int i = this.random.nextInt(3); i >= 0; i--) {
				List<String> members = new ArrayList<>();
				maybe(members, "index", () -> Integer.toString(this.random.nextInt(3)));
				maybe(members, "id", this::textValue);
				maybe(members, "type", () -> quoted("function"));
				maybe(members, "function", () -> object(List.of(member("name", textValue()),
						member("arguments", quoted("{\\\"city\\\":\\\"Paris\\\"}")))));
				calls.add(object(members));
			}
			return "[" + String.join(",", calls) + "]";
		}

		private String logprobs() {
			if (this.random.nextInt(3) != 0) {
				return "null";
			}
			String token = object(List.of(member("token", textValue()), member("logprob", "-0.25"),
					member("bytes", "[104,105]"), member("top_logprobs", "[]")));
			return object(List.of(member("content", "[" + token + "]")));
		}

		private String usage() {
			if (this.random.nextInt(4) == 0) {
				return oneOf("null", oddValue());
			}
			List<String> members = new ArrayList<>();
			maybe(members, "prompt_tokens", this::intValue);
			maybe(members, "completion_tokens", this::intValue);
			maybe(members, "total_tokens", this::intValue);
			maybe(members, "prompt_cache_hit_tokens", this::intValue);
			maybe(members, "prompt_cache_miss_tokens", this::intValue);
			maybe(members, "completion_tokens_details",
					() -> oneOf("null", object(List.of(member("reasoning_tokens", intValue()))),
							object(List.of(member("accepted_prediction_tokens", "{\"a\":[1]}"),
									member("reasoning_tokens", intValue())))));
			maybe(members, "prompt_tokens_details",
					() -> oneOf("null", oddValue(), object(List.of(member("cached_tokens", intValue())))));
			unknownMembers(members);
			return object(members);
		}

		/**
		 * Text as DeepSeek sends it, mostly; now and then {@code null}, a number, a
		 * boolean, or a value of a shape no text has.
		 */
		private String textValue() {
			int kind = this.random.nextInt(30);
			if (kind < 24) {
				return quoted(TEXTS[this.random.nextInt(TEXTS.length)]);
			}
			return switch (kind) {
				case 24, 25 -> "null";
				case 26 -> Integer.toString(this.random.nextInt(1000));
				case 27 -> this.random.nextBoolean() ? "true" : "false";
				case 28 -> "1.5e3";
				default -> oddValue();
			};
		}

		private String longValue() {
			return switch (this.random.nextInt(12)) {
				case 0 -> "null";
				case 1 -> quoted("1796143018");
				case 2 -> "9223372036854775807";
				case 3 -> "92233720368547758070";
				case 4 -> "17.0";
				case 5 -> oddValue();
				default -> Long.toString(this.random.nextLong(0, 4_000_000_000L));
			};
		}

		private String intValue() {
			return switch (this.random.nextInt(14)) {
				case 0 -> "null";
				case 1 -> quoted("2");
				case 2 -> "2147483648";
				case 3 -> "-1";
				case 4 -> oddValue();
				default -> Integer.toString(this.random.nextInt(100));
			};
		}

		/** A value of a shape the member never has. */
		private String oddValue() {
			return switch (this.random.nextInt(5)) {
				case 0 -> "[]";
				case 1 -> "[" + quoted("x") + "]";
				case 2 -> "{}";
				case 3 -> quoted("text");
				default -> "true";
			};
		}

		private void unknownMembers(List<String> members) {
			for (int i = this.random.nextInt(6) - 3; i > 0; i--) {
				String name = oneOf("metadata", "extra", "choices_extra", "Id", "content_filter_results", "");
				String value = switch (this.random.nextInt(5)) {
					case 0 -> "{\"nested\":[1,{\"deep\":[null,true]}],\"x\":\"}\"}";
					case 1 -> "[[],[[]],{}]";
					case 2 -> quoted("]}\\\"");
					case 3 -> "-0.5e-7";
					default -> "null";
				};
				if (members.stream().noneMatch((member) -> member.startsWith(quoted(name)))) {
					members.add(this.random.nextInt(members.size() + 1), member(name, value));
				}
			}
		}

		private void maybe(List<String> members, String name, Supplier<String> value) {
			if (this.random.nextInt(8) != 0) {
				members.add(member(name, value.get()));
			}
		}

		private String object(List<String> members) {
			List<String> shuffled = new ArrayList<>(members);
			if (this.random.nextInt(3) == 0) {
				for (int i = shuffled.size() - 1; i > 0; i--) {
					int j = this.random.nextInt(i + 1);
					String swap = shuffled.get(i);
					shuffled.set(i, shuffled.get(j));
					shuffled.set(j, swap);
				}
			}
			return "{" + space() + String.join("," + space(), shuffled) + space() + "}";
		}

		private String member(String name, String value) {
			return quoted(name) + space() + ":" + space() + value;
		}

		private String space() {
			return switch (this.random.nextInt(10)) {
				case 0 -> " ";
				case 1 -> "\n  ";
				case 2 -> "\t";
				default -> "";
			};
		}

		private String oneOf(String... values) {
			return values[this.random.nextInt(values.length)];
		}

		private static String quoted(String text) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					case '\n' -> quoted.append("\\n");
					case '\t' -> quoted.append("\\t");
					default -> quoted.append((c < 0x20) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
				}
			}
			return quoted.append('"').toString();
		}

	}

}
