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
import io.github.deepseekstarter.protocol.openai.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TemplateCallBenchmark} and {@link OpenStreamsBenchmark} measure what they say:
 * the template gets the whole answer of each in-memory connector and reads it into its
 * model.
 */
class TemplateCallBenchmarkTests {

	@Test
	void theTemplateReadsTheWholeAnswerOfEachConnector() {
		TemplateCallBenchmark benchmark = new TemplateCallBenchmark();
		ChatCompletion completion = benchmark.templateCall();
		assertThat(completion.content()).isEqualTo("Echo: Say hello");
		assertThat(completion.usage()).extracting(Usage::totalTokens).isEqualTo(9);
		assertThat(benchmark.templateStream()).isEqualTo(16L);
		assertThat(benchmark.meteredTemplateCall().content()).isEqualTo("Echo: Say hello");
		assertThat(benchmark.meteredTemplateStream()).isEqualTo(16L);
	}

	@Test
	void everyOpenStreamEndsWithEveryElementOfItsReadsAndOpensAgain() {
		for (String client : new String[] { "webClient", "template" }) {
			OpenStreamsBenchmark benchmark = new OpenStreamsBenchmark();
			benchmark.streams = 50;
			benchmark.client = client;
			benchmark.open();
			// Each stream is 21 reads: every stream ends twice, each time with the
			// elements its client should have, or the read that ends it throws.
			for (int i = 0; i < 50 * 21 * 2; i++) {
				benchmark.read();
			}
			assertThat(benchmark.completed()).as(client).isEqualTo(100);
			benchmark.close();
		}
	}

}
