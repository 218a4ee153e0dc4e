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

package io.github.deepseekstarter.client;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.protocol.WireRequests;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI format's body written in one pass equals, field for field, the body built as
 * a tree, for requests drawn at random over every field that has a rule of its own
 * ({@code model}, {@code user_id}, {@code stream_options}, {@code stream}).
 */
class OpenAiWireBodyTests {

	private static final int TRIES = Integer.getInteger("deepseek.wire-body.tries", 300);

	static Stream<Long> seeds() {
		long base = Long.getLong("deepseek.wire-body.seed", 20261201L);
		return IntStream.range(0, TRIES).mapToObj((i) -> base + i);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void theBodyWrittenOnceIsTheBodyBuiltAsATree(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ChatCompletionRequest request = WireRequests.openAi(random);
		String model = random.nextBoolean() ? "deepseek-v4-pro" : "deepseek-v4-flash";
		String userId = random.nextBoolean() ? null : "u-" + random.nextInt(1000);
		boolean stream = random.nextBoolean();
		OpenAiAdapter adapter = OpenAiAdapter.INSTANCE;
		JsonNode once = tree(adapter.body(request, model, userId, stream));
		JsonNode asTree = tree(adapter.bodyThroughTree(request, model, userId, stream));
		assertThat(once).as("seed %d", seed).isEqualTo(asTree);
		assertThat(once.get("model").asString()).isEqualTo(model);
		assertThat(once.get("stream").asBoolean()).isEqualTo(stream);
		assertThat(once.has("user_id")).isEqualTo(userId != null);
		assertThat(once.has("stream_options")).isEqualTo(stream);
	}

	private static JsonNode tree(byte[] body) {
		return DeepSeekJson.mapper().readTree(body);
	}

}
