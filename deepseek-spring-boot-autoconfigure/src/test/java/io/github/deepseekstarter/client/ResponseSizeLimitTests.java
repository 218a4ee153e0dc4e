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

import io.github.deepseekstarter.DeepSeekResponseTooLargeException;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Answers larger than the client holds in memory fail the call with
 * {@link DeepSeekResponseTooLargeException} naming the property to raise, in both
 * formats, and give their lane permit back.
 */
class ResponseSizeLimitTests {

	private static final DeepSeekResponseLimits SMALL = new DeepSeekResponseLimits(DataSize.ofKilobytes(2),
			DataSize.ofKilobytes(4));

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(DeepSeekEmulator.builder());

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void streamedEventLargerThanTheMaximumFailsNamingThePropertyAndReleasesThePermit(DeepSeekProtocol protocol) {
		// The emulator streams a word per event: one word of 3 KB is one event over 2 KB.
		this.extension.emulator().setDefaultReply(Reply.content("Short words first, then " + "x".repeat(3000)));
		DeepSeekTemplate template = template();
		StepVerifier
			.create(template.chatStream(ChatRequest.of("hi"), DeepSeekCallOptions.DEFAULT.withProtocol(protocol)))
			.thenConsumeWhile((delta) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekResponseTooLargeException.class)
				.hasMessageContaining("deepseek.response.max-event-size")
				.satisfies((tooLarge) -> assertThat(((DeepSeekResponseTooLargeException) tooLarge).limit())
					.isEqualTo(DataSize.ofKilobytes(2))))
			.verify(TIMEOUT);
		assertThat(template.limiter().snapshot("deepseek-v4-flash").inUse()).isZero();
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void bodyLargerThanTheMaximumFailsNamingThePropertyAndReleasesThePermit(DeepSeekProtocol protocol) {
		this.extension.emulator().setDefaultReply(Reply.content("word ".repeat(1000)));
		DeepSeekTemplate template = template();
		StepVerifier.create(template.chat(ChatRequest.of("hi"), DeepSeekCallOptions.DEFAULT.withProtocol(protocol)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekResponseTooLargeException.class)
				.hasMessageContaining("deepseek.response.max-body-size"))
			.verify(TIMEOUT);
		assertThat(template.limiter().snapshot("deepseek-v4-flash").inUse()).isZero();
		assertThat(this.extension.emulator().requests()).hasSize(1);
	}

	@Test
	void answersWithinTheLimitsAreUnaffected() {
		this.extension.emulator().setDefaultReply(Reply.content("word ".repeat(100).strip()));
		DeepSeekTemplate template = template();
		assertThat(template.chat(ChatCompletionRequest.of("hi")).block(TIMEOUT).content())
			.isEqualTo("word ".repeat(100).strip());
		assertThat(template.chatStream(ChatCompletionRequest.of("hi")).collectList().block(TIMEOUT)).isNotEmpty();
	}

	private DeepSeekTemplate template() {
		return EmulatorTemplates.builder(this.extension.emulator(), EmulatorTemplates.TIMEOUTS)
			.responseLimits(SMALL)
			.build();
	}

}
