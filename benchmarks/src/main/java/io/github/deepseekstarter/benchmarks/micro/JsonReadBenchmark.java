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

package io.github.deepseekstarter.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectReader;

/**
 * What reading the emulator's answers into the client's model costs, against what
 * Jackson's tokenizer alone costs over the same text: the completion of a small call and
 * one reasoning chunk of a stream. The client reads a body from its bytes
 * ({@code ...Bytes}) and an event's data from its text ({@code ...Text});
 * {@code ...DecodedAndRead} is the text read with the decoding of its bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonReadBenchmark {

	private static final ObjectReader COMPLETIONS = DeepSeekJson.mapper().readerFor(ChatCompletion.class);

	private static final ObjectReader CHUNKS = DeepSeekJson.mapper().readerFor(ChatCompletionChunk.class);

	private static final JsonFactory TOKENIZER = new JsonFactory();

	final String completion = EmulatorAnswers.COMPLETION;

	final byte[] completionBytes = EmulatorAnswers.bytes(this.completion);

	/** The stream's second event, a reasoning fragment, without its {@code data: }. */
	final String chunk = chunkOfStream();

	final byte[] chunkBytes = EmulatorAnswers.bytes(this.chunk);

	/**
	 * Reads the completion from its text.
	 * @return the completion
	 */
	@Benchmark
	public ChatCompletion completionText() {
		return COMPLETIONS.readValue(this.completion);
	}

	/**
	 * Decodes the completion's bytes and reads the text.
	 * @return the completion
	 */
	@Benchmark
	public ChatCompletion completionDecodedAndRead() {
		return COMPLETIONS.readValue(new String(this.completionBytes, StandardCharsets.UTF_8));
	}

	/**
	 * Reads the completion from its bytes, as the client does.
	 * @return the completion
	 */
	@Benchmark
	public ChatCompletion completionBytes() {
		return COMPLETIONS.readValue(this.completionBytes);
	}

	/**
	 * Jackson's tokenizer over the completion's text, nothing bound.
	 * @return the number of tokens
	 */
	@Benchmark
	public int completionTokens() {
		return tokens(this.completion);
	}

	/**
	 * Reads the chunk from its text, as the client does.
	 * @return the chunk
	 */
	@Benchmark
	public ChatCompletionChunk chunkText() {
		return CHUNKS.readValue(this.chunk);
	}

	/**
	 * Decodes the chunk's bytes and reads the text.
	 * @return the chunk
	 */
	@Benchmark
	public ChatCompletionChunk chunkDecodedAndRead() {
		return CHUNKS.readValue(new String(this.chunkBytes, StandardCharsets.UTF_8));
	}

	/**
	 * Reads the chunk from its bytes.
	 * @return the chunk
	 */
	@Benchmark
	public ChatCompletionChunk chunkBytes() {
		return CHUNKS.readValue(this.chunkBytes);
	}

	/**
	 * Jackson's tokenizer over the chunk's text, nothing bound.
	 * @return the number of tokens
	 */
	@Benchmark
	public int chunkTokens() {
		return tokens(this.chunk);
	}

	private static int tokens(String json) {
		int tokens = 0;
		try (JsonParser parser = TOKENIZER.createParser(ObjectReadContext.empty(), json)) {
			while (parser.nextToken() != null) {
				tokens++;
			}
		}
		return tokens;
	}

	private static String chunkOfStream() {
		String event = new String(EmulatorAnswers.streamReads().get(1), StandardCharsets.UTF_8);
		return event.substring("data: ".length(), event.length() - 2);
	}

}
