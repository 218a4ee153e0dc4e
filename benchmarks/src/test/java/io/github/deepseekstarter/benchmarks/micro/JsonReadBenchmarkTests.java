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

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonReadBenchmark}'s ways of reading an answer read the same answer, the one the
 * emulator sends, and its tokenizer goes through the whole text.
 */
class JsonReadBenchmarkTests {

	private final JsonReadBenchmark benchmark = new JsonReadBenchmark();

	@Test
	void everyWayReadsTheSameCompletion() {
		ChatCompletion completion = this.benchmark.completionText();
		assertThat(completion.content()).isEqualTo("Echo: Say hello");
		assertThat(this.benchmark.completionDecodedAndRead()).isEqualTo(completion);
		assertThat(this.benchmark.completionBytes()).isEqualTo(completion);
		// 23 names, 18 scalar values, 6 objects and 1 array opened and closed.
		assertThat(this.benchmark.completionTokens()).isEqualTo(55);
	}

	@Test
	void everyWayReadsTheSameChunk() {
		ChatCompletionChunk chunk = this.benchmark.chunkText();
		assertThat(chunk.reasoningContent()).isEqualTo("Thinking");
		assertThat(this.benchmark.chunkDecodedAndRead()).isEqualTo(chunk);
		assertThat(this.benchmark.chunkBytes()).isEqualTo(chunk);
		assertThat(this.benchmark.chunkTokens()).isPositive();
	}

}
