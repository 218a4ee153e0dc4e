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

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static io.github.deepseekstarter.testing.TestTimeouts.LONG_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams read by a caller slower than DeepSeek writes them, one element at a time with
 * pauses, from an emulator that cuts every event in two HTTP chunks (so that reads end
 * mid-event and some complete none): the caller gets exactly the emulator's text,
 * reasoning and tool-call arguments, in both wire formats.
 */
class SlowConsumerStreamTests {

	private static final String TEXT = IntStream.range(0, 120)
		.mapToObj((i) -> "Paris is the capital of France (\u00e9t\u00e9 \u4e16\u754c \uD83D\uDE00) " + i + ".")
		.collect(Collectors.joining(" "));

	private static final String REASONING = IntStream.range(0, 80)
		.mapToObj((i) -> "step " + i + ": na\u00efve \u00fcber caf\u00e9")
		.collect(Collectors.joining(", "));

	private static final String ARGUMENTS = "{\"city\":\"Paris\",\"days\":[" + IntStream.range(0, 60)
		.mapToObj((i) -> "{\"day\":" + i + ",\"note\":\"\u00e9t\u00e9 \u20ac\"}")
		.collect(Collectors.joining(",")) + "]}";

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(20)).splitWrites(true));

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void slowCallerGetsExactlyTheTextAndTheReasoning(DeepSeekProtocol protocol) {
		this.extension.emulator().setDefaultReply(Reply.content(TEXT).withReasoning(REASONING));
		ChatResponse response = ChatResponse.of(slowly(protocol));
		assertThat(response.text()).isEqualTo(TEXT);
		assertThat(response.reasoning()).isEqualTo(REASONING);
		assertThat(response.finishReason()).isEqualTo(ChatFinishReason.STOP);
		assertThat(response.usage()).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void slowCallerGetsExactlyTheToolCallArguments(DeepSeekProtocol protocol) {
		this.extension.emulator().setDefaultReply(Reply.toolCall("get_weather", ARGUMENTS));
		ChatResponse response = ChatResponse.of(slowly(protocol));
		assertThat(response.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.name()).isEqualTo("get_weather");
			assertThat(call.arguments()).isEqualTo(ARGUMENTS);
			JsonNode arguments = DeepSeekJson.mapper().readTree(call.arguments());
			assertThat(arguments.path("days").size()).isEqualTo(60);
		});
	}

	private List<ChatDelta> slowly(DeepSeekProtocol protocol) {
		DeepSeekTemplate template = EmulatorTemplates.template(this.extension.emulator());
		ChatRequest request = ChatRequest.builder()
			.user("Tell me about Paris")
			.tool("get_weather", "The weather of a city", java.util.Map.of("type", "object"))
			.build();
		Flux<ChatDelta> deltas = template.chatStream(request, DeepSeekCallOptions.DEFAULT.withProtocol(protocol));
		// One element at a time, each after a pause: the reads pile up behind the caller.
		return deltas.concatMap((delta) -> Mono.delay(Duration.ofMillis(1)).thenReturn(delta), 0)
			.collectList()
			.block(LONG_TIMEOUT);
	}

}
