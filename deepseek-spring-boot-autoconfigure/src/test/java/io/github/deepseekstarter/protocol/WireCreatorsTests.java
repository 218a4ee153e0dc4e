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

import java.util.Arrays;
import java.util.List;

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WireCreators}: the wire mapper builds this project's records by
 * calling their constructors, not through {@code MethodHandle#invokeWithArguments}, with
 * the same values and the same errors.
 */
class WireCreatorsTests {

	@Test
	void wireRecordsAreBuiltWithoutASpreadingInvoker() {
		Probe probe = DeepSeekJson.mapper()
			.readValue("{\"text\":\"a\",\"count\":2,\"nested\":{\"text\":\"b\"}}", Probe.class);
		assertThat(probe.text()).isEqualTo("a");
		assertThat(probe.count()).isEqualTo(2);
		assertThat(probe.nested()).isEqualTo(new Probe("b", 0, null, List.of()));
		assertThat(probe.frames()).noneMatch((frame) -> frame.contains("invokeWithArguments"));
		assertThat(probe.nested().frames()).noneMatch((frame) -> frame.contains("invokeWithArguments"));
	}

	@Test
	void aMapperWithoutTheModuleGoesThroughTheSpreadingInvoker() {
		// The control of the test above: Jackson's own path, which the module replaces.
		Probe probe = JsonMapper.builder().build().readValue("{\"text\":\"a\",\"count\":2}", Probe.class);
		assertThat(probe.frames()).anyMatch((frame) -> frame.contains("invokeWithArguments"));
	}

	@Test
	void aConstructorThatRefusesItsValuesFailsTheReadAsJacksonReportsIt() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> DeepSeekJson.mapper().readValue("{\"text\":\"\",\"count\":1}", Probe.class))
			.withMessageContaining("text must not be empty")
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void answersAndChunksReadAsBefore() {
		ChatCompletion completion = DeepSeekJson.mapper()
			.readValue("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":7,\"model\":\"deepseek-v4-flash\","
					+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},"
					+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,"
					+ "\"total_tokens\":4}}", ChatCompletion.class);
		assertThat(completion.id()).isEqualTo("c1");
		assertThat(completion.created()).isEqualTo(7);
		assertThat(completion.choices()).singleElement()
			.satisfies((choice) -> assertThat(choice.message().content()).isEqualTo("Paris"));
		assertThat(completion.usage().totalTokens()).isEqualTo(4);
		ChatCompletionChunk chunk = DeepSeekJson.mapper()
			.readValue("{\"id\":\"c1\",\"created\":7,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Pa\"}}]}",
					ChatCompletionChunk.class);
		assertThat(chunk.choices()).singleElement()
			.satisfies((choice) -> assertThat(choice.delta().content()).isEqualTo("Pa"));
	}

	/**
	 * A record of this project's packages that remembers who called its constructor.
	 */
	public record Probe(String text, int count, @Nullable Probe nested, List<String> frames) {

		public Probe {
			if (text.isEmpty()) {
				throw new IllegalArgumentException("text must not be empty");
			}
			frames = Arrays.stream(new Throwable().getStackTrace())
				.map((frame) -> frame.getClassName() + "." + frame.getMethodName())
				.toList();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Probe probe && probe.text.equals(this.text) && probe.count == this.count;
		}

		@Override
		public int hashCode() {
			return this.text.hashCode() + this.count;
		}

	}

}
