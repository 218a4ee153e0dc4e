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
import java.util.Map;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * One suite of protocol-neutral calls, run against the emulator in both wire formats: the
 * same application code gets the same answers, errors and lanes whichever protocol
 * carries it.
 */
class ProtocolNeutralChatTests {

	private static final String ANSWER = "alpha beta gamma delta epsilon zeta";

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(20)));

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void plainReplyCarriesContentReasoningAndUsage(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content(ANSWER).withReasoning("Thinking it over"));
		ChatResponse response = template(protocol).chat(ChatRequest.builder().system("Be brief.").user("hi").build())
			.block(TIMEOUT);
		assertThat(response.text()).isEqualTo(ANSWER);
		assertThat(response.reasoning()).isEqualTo("Thinking it over");
		assertThat(response.finishReason()).isEqualTo(ChatFinishReason.STOP);
		assertThat(response.usage().input()).isPositive()
			.isEqualTo(response.usage().cacheHit() + response.usage().cacheMiss());
		assertThat(response.usage().output()).isPositive();
		assertThat(emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo(path(protocol));
			assertThat(request.model()).isEqualTo("deepseek-v4-flash");
			assertThat(request.stream()).isFalse();
		});
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void streamedReplyMakesUpTheSameAnswerWithUsageAtTheEnd(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content(ANSWER).withReasoning("Thinking it over"));
		List<ChatDelta> deltas = template(protocol).chatStream(ChatRequest.of("hi")).collectList().block(TIMEOUT);
		assertThat(deltas).hasSizeGreaterThan(2);
		ChatResponse joined = ChatResponse.of(deltas);
		assertThat(joined.text()).isEqualTo(ANSWER);
		assertThat(joined.reasoning()).isEqualTo("Thinking it over");
		assertThat(joined.finishReason()).isEqualTo(ChatFinishReason.STOP);
		assertThat(deltas.get(deltas.size() - 1).usage()).isNotNull()
			.satisfies((usage) -> assertThat(usage.output()).isPositive());
		assertThat(emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo(path(protocol));
			assertThat(request.stream()).isTrue();
		});
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void queuedCallsSkipKeepAlivesAndCountThem(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		DeepSeekTemplate template = template(protocol);
		for (boolean stream : new boolean[] { false, true }) {
			emulator.enqueueFault(Fault.stallAfterChunks(0));
			Disposable holder = template.chatStream(ChatRequest.of("first")).subscribe();
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
			StepVerifier
				.create(stream ? template.chatStream(ChatRequest.of("second")).collectList().map(ChatResponse::of)
						: template.chat(ChatRequest.of("second")))
				.then(() -> await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).queued() == 1))
				.then(holder::dispose)
				.assertNext((response) -> {
					assertThat(response.text()).isNotEmpty();
					assertThat(response.metadata().keepAlives()).isPositive();
				})
				.expectComplete()
				.verify(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 0);
		}
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void server429NamesTheLimitAndTheLaneLearnsIt(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.FLASH, 1);
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.protocol(protocol)
			.limiter(limiter)
			.build();
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = template.chatStream(ChatRequest.of("first")).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
			StepVerifier.create(template.chat(ChatRequest.of("second"))).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeepSeekApiException.RateLimit.class)
					.hasMessageContaining("exceeds your concurrency limit of 1");
				assertThat(((DeepSeekApiException.RateLimit) ex).concurrencyLimit()).isEqualTo(1);
			}).verify(TIMEOUT);
			assertThat(limiter.snapshot(LimiterConfig.FLASH).effectiveLimit()).isEqualTo(1);
		}
		finally {
			holder.dispose();
		}
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void everyCallAndStreamThatSucceedsTellsItsLaneWhichThenClimbsBack(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.modelLimit(LimiterConfig.FLASH, 8)
			.decreaseFactor(0.5)
			.successesPerIncrease(1)
			.build());
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.protocol(protocol)
			.limiter(limiter)
			.build();
		emulator.enqueueFault(Fault.status(429, "busy"));
		StepVerifier.create(template.chat(ChatRequest.of("refused")))
			.expectError(DeepSeekApiException.RateLimit.class)
			.verify(TIMEOUT);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).effectiveLimit()).isEqualTo(4);
		StepVerifier.create(template.chat(ChatRequest.of("call"))).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).effectiveLimit()).as("after a call").isEqualTo(5);
		StepVerifier.create(template.chatStream(ChatRequest.of("stream")).then()).expectComplete().verify(TIMEOUT);
		assertThat(limiter.snapshot(LimiterConfig.FLASH).effectiveLimit()).as("after a stream").isEqualTo(6);
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void insufficientBalanceIsItsTypedException(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = template(protocol);
		for (boolean stream : new boolean[] { false, true }) {
			emulator.enqueueFault(Fault.status(402));
			StepVerifier.create(stream ? template.chatStream(ChatRequest.of("x")) : template.chat(ChatRequest.of("x")))
				.expectErrorSatisfies(
						(ex) -> assertThat(ex).isInstanceOf(DeepSeekApiException.InsufficientBalance.class)
							.hasMessageContaining("Insufficient Balance"))
				.verify(TIMEOUT);
		}
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void streamResetMidwayKeepsThePartialOutput(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content(ANSWER));
		emulator.enqueueFault(Fault.closeAfterChunks(6));
		StepVerifier.create(template(protocol).chatStream(ChatRequest.builder().user("go").thinking(false).build()))
			.thenConsumeWhile((delta) -> true)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class);
				String partial = ((DeepSeekStreamInterruptedException) ex).partialContent();
				assertThat(partial).isNotEmpty().isNotEqualTo(ANSWER);
				assertThat(ANSWER).startsWith(partial);
			})
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void toolCallsComeBackTheSameAndTheirResultsGoOut(DeepSeekProtocol protocol) {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}").withReasoning("Need data"));
		DeepSeekTemplate template = template(protocol);
		ChatRequest request = ChatRequest.builder()
			.user("Weather in Paris?")
			.tool("get_weather", "Current weather",
					Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))
			.toolChoice(ChatRequest.ToolChoice.AUTO)
			.build();
		ChatResponse response = template.chat(request).block(TIMEOUT);
		ChatResponse streamed = ChatResponse.of(template.chatStream(request).collectList().block(TIMEOUT));
		for (ChatResponse answer : List.of(response, streamed)) {
			assertThat(answer.finishReason()).isEqualTo(ChatFinishReason.TOOL_CALLS);
			assertThat(answer.toolCalls()).singleElement().satisfies((call) -> {
				assertThat(call.id()).isNotEmpty();
				assertThat(call.name()).isEqualTo("get_weather");
				assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"city\":\"Paris\"}");
			});
		}
		emulator.setDefaultReply(Reply.content("Sunny"));
		ChatRequest followUp = ChatRequest.builder()
			.user("Weather in Paris?")
			.message(ChatRequest.Message.assistant(response))
			.message(ChatRequest.Message.toolResult(response.toolCalls().get(0).id(), "{\"sky\":\"clear\"}"))
			.build();
		assertThat(template.chat(followUp).block(TIMEOUT).text()).isEqualTo("Sunny");
		assertThat(emulator.requests()).last()
			.satisfies((recorded) -> assertThat(recorded.body()).contains(response.toolCalls().get(0).id()));
	}

	@ParameterizedTest
	@EnumSource(DeepSeekProtocol.class)
	void perCallProtocolOverridesTheTemplates(DeepSeekProtocol protocol) {
		DeepSeekProtocol other = (protocol == DeepSeekProtocol.OPENAI) ? DeepSeekProtocol.ANTHROPIC
				: DeepSeekProtocol.OPENAI;
		DeepSeekEmulator emulator = this.extension.emulator();
		template(protocol).chat(ChatRequest.of("x"), DeepSeekCallOptions.DEFAULT.withProtocol(other)).block(TIMEOUT);
		assertThat(emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo(path(other)));
	}

	private DeepSeekTemplate template(DeepSeekProtocol protocol) {
		return EmulatorTemplates.builder(this.extension.emulator(), EmulatorTemplates.TIMEOUTS)
			.protocol(protocol)
			.build();
	}

	static String path(DeepSeekProtocol protocol) {
		return (protocol == DeepSeekProtocol.ANTHROPIC) ? "/anthropic/v1/messages" : "/chat/completions";
	}

}
