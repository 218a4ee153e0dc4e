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

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Error envelopes where an answer was expected, over HTTP from the emulator: a 200 body
 * {@code {"error":{...}}}, a {@code data: {"error":...}} event of an OpenAI-format
 * stream, an {@code event: error} of an Anthropic-format stream. Each becomes the typed
 * exception its type names, so that the lane learns from a 429 and the retry rules apply.
 */
class ErrorEnvelopeTests {

	private static final String FLASH = "deepseek-v4-flash";

	private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
			Duration.ofSeconds(1));

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(DeepSeekEmulator.builder());

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void rateLimitEnvelopeInA200BodyIsA429TheLaneLearnsFrom(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.FLASH, 7);
		emulator.enqueueFault(Fault.errorInBody(429, 0));
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		Disposable others = holdOtherPermits(template, 7);
		StepVerifier.create(template.chat(ChatRequest.of("hi"), options(protocol)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(DeepSeekApiException.RateLimit.class,
					(rateLimit) -> assertThat(rateLimit.concurrencyLimit()).isEqualTo(7)))
			.verify(TIMEOUT);
		others.dispose();
		assertThat(template.limiter().snapshot(FLASH).effectiveLimit()).isEqualTo(7);
		assertThat(template.limiter().snapshot(FLASH).inUse()).isZero();
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void transientEnvelopeInA200BodyIsRetriedAndAPermanentOneIsNot(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("after the retry"));
		DeepSeekTemplate template = retrying(emulator);
		emulator.enqueueFault(Fault.errorInBody(503, 0));
		assertThat(template.chat(ChatRequest.of("hi"), options(protocol)).block(TIMEOUT).text())
			.isEqualTo("after the retry");
		assertThat(emulator.requests()).hasSize(2);
		emulator.clearRequests();
		emulator.enqueueFault(Fault.errorInBody(400, 0));
		StepVerifier.create(template.chat(ChatRequest.of("hi"), options(protocol)))
			.expectError(DeepSeekApiException.BadRequest.class)
			.verify(TIMEOUT);
		assertThat(emulator.requests()).hasSize(1);
	}

	@Test
	void insufficientBalanceEnvelopeIsTheBalanceException() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.errorInBody(402, 0));
		StepVerifier.create(EmulatorTemplates.template(emulator).chat(ChatCompletionRequest.of("hi")))
			.expectError(DeepSeekApiException.InsufficientBalance.class)
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void envelopeBeforeTheFirstEventIsTheTypedExceptionAndRetried(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("after the retry"));
		emulator.enqueueFault(Fault.errorInBody(429, 0));
		ChatResponse response = ChatResponse
			.of(retrying(emulator).chatStream(ChatRequest.of("hi"), options(protocol)).collectList().block(TIMEOUT));
		assertThat(response.text()).isEqualTo("after the retry");
		assertThat(emulator.requests()).hasSize(2);
		emulator.clearRequests();
		emulator.enqueueFault(Fault.errorInBody(503, 0));
		StepVerifier.create(EmulatorTemplates.template(emulator).chatStream(ChatRequest.of("hi"), options(protocol)))
			.expectError(DeepSeekApiException.Overloaded.class)
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void envelopeAfterOutputInterruptsTheStreamWithTheTypedCauseAndTheLaneLearns(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.FLASH, 9);
		emulator.setDefaultReply(Reply.content("one two three four five six"));
		emulator.enqueueFault(Fault.errorInBody(429, 4));
		DeepSeekTemplate template = retrying(emulator);
		Disposable others = holdOtherPermits(template, 9);
		StepVerifier.create(template.chatStream(ChatRequest.of("hi"), options(protocol)))
			.thenConsumeWhile((delta) -> true)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class)
					.hasCauseInstanceOf(DeepSeekApiException.RateLimit.class);
				assertThat(((DeepSeekStreamInterruptedException) ex).chunks()).isPositive();
			})
			.verify(TIMEOUT);
		others.dispose();
		// Output had reached the caller: the stream is not retried.
		assertThat(emulator.requests()).hasSize(1);
		assertThat(template.limiter().snapshot(FLASH).effectiveLimit()).isEqualTo(9);
		assertThat(template.limiter().snapshot(FLASH).inUse()).isZero();
	}

	@Test
	void anthropicErrorEventInAnthropicsOwnEnvelopeIsTheTypedException() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setAnthropicQuirks(false);
		emulator.enqueueFault(Fault.errorInBody(503, 0));
		StepVerifier
			.create(EmulatorTemplates.template(emulator)
				.chatStream(ChatRequest.of("hi"), options(DeepSeekProtocol.ANTHROPIC)))
			.expectError(DeepSeekApiException.Overloaded.class)
			.verify(TIMEOUT);
		emulator.enqueueFault(Fault.errorInBody(429, 0));
		StepVerifier
			.create(EmulatorTemplates.template(emulator)
				.chat(ChatRequest.of("hi"), options(DeepSeekProtocol.ANTHROPIC)))
			.expectError(DeepSeekApiException.RateLimit.class)
			.verify(TIMEOUT);
	}

	@Test
	void openAiChunkStreamWithAnEnvelopeIsNeverANullPointer() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.errorInBody(500, 2));
		StepVerifier.create(EmulatorTemplates.template(emulator).chatStream(ChatCompletionRequest.of("hi")))
			.thenConsumeWhile((chunk) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class)
				.hasCauseInstanceOf(io.github.deepseekstarter.DeepSeekApiException.ServerError.class)
				.hasMessageNotContaining("NullPointerException"))
			.verify(TIMEOUT);
	}

	private static DeepSeekCallOptions options(DeepSeekProtocol protocol) {
		return DeepSeekCallOptions.DEFAULT.withProtocol(protocol);
	}

	private static DeepSeekTemplate retrying(DeepSeekEmulator emulator) {
		return EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.retry(new DeepSeekRetryPolicy(RETRY))
			.build();
	}

	/**
	 * Holds permits of another tenant in the flash lane, so that a 429 naming that many
	 * is the account's limit and not a limit on the caller's own {@code user_id}.
	 */
	private static Disposable holdOtherPermits(DeepSeekTemplate template, int count) {
		Disposable.Composite held = Disposables.composite();
		for (int i = 0; i < count; i++) {
			held.add(template.limiter()
				.withPermitMono(Admission.of(FLASH, "another-tenant"), (permit) -> Mono.never())
				.subscribe());
		}
		assertThat(template.limiter().snapshot(FLASH).inUse()).isEqualTo(count);
		return held;
	}

}
