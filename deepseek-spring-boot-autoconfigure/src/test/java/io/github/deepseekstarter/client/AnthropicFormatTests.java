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

import java.util.List;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageStreamEvent;
import io.github.deepseekstarter.protocol.anthropic.StopReason;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * What is particular to the Anthropic format: where the tenant goes, Claude model names
 * on DeepSeek's lanes, Anthropic's own types, and the events of its streams.
 */
class AnthropicFormatTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	@Test
	void sameApplicationCodePutsTheSamePseudonymInEachFormatsPlace() {
		DeepSeekEmulator emulator = this.extension.emulator();
		UserIdResolution userIds = new UserIdResolution(UserIdPolicy.hmac("client-test-secret-of-at-least-32-bytes"),
				List.of(() -> Mono.just("tenant-42")), AnonymousUserIdStrategy.none());
		ChatRequest request = ChatRequest.builder().user("x").build();
		for (DeepSeekProtocol protocol : DeepSeekProtocol.values()) {
			EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
				.userIds(userIds)
				.protocol(protocol)
				.build()
				.chat(request)
				.block(TIMEOUT);
		}
		assertThat(emulator.requests()).hasSize(2);
		RecordedRequest openAi = emulator.requests().get(0);
		RecordedRequest anthropic = emulator.requests().get(1);
		assertThat(openAi.path()).isEqualTo("/chat/completions");
		assertThat(openAi.json().path("user_id").asString()).hasSize(43).isNotEqualTo("tenant-42");
		assertThat(openAi.json().has("metadata")).isFalse();
		assertThat(anthropic.path()).isEqualTo("/anthropic/v1/messages");
		assertThat(anthropic.json().has("user_id")).isFalse();
		assertThat(anthropic.json().path("metadata").path("user_id").asString())
			.isEqualTo(openAi.json().path("user_id").asString());
		assertThat(anthropic.json().path("max_tokens").asInt()).isEqualTo(ChatRequest.DEFAULT_MAX_TOKENS);
	}

	@Test
	void claudeOpusRunsOnTheProLaneAndIsObservedAsAnthropic() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.PRO, 1);
		CallObservationTests.Recorder recorder = new CallObservationTests.Recorder();
		DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.limiter(limiter)
			.observer(recorder)
			.build();
		emulator.enqueueFault(Fault.stallAfterChunks(1));
		Disposable holder = template.anthropic()
			.messagesStream(MessageRequest.builder()
				.model("claude-opus-4-1")
				.message(io.github.deepseekstarter.protocol.anthropic.MessageParam.user("hold"))
				.build())
			.subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.PRO).inFlight() == 1);
			assertThat(limiter.snapshot(LimiterConfig.PRO).inUse()).isEqualTo(1);
			StepVerifier.create(template.chat(ChatRequest.builder().model("deepseek-v4-pro").user("x").build()))
				.expectError(DeepSeekApiException.RateLimit.class)
				.verify(TIMEOUT);
			assertThat(emulator.requests().get(0).model()).isEqualTo("deepseek-v4-pro");
			assertThat(recorder.calls.get(0)).satisfies((call) -> {
				assertThat(call.protocol()).isEqualTo("anthropic");
				assertThat(call.model()).isEqualTo("deepseek-v4-pro");
				assertThat(call.stream()).isTrue();
			});
			assertThat(recorder.calls.get(1).protocol()).isEqualTo("openai");
		}
		finally {
			holder.dispose();
		}
	}

	@Test
	void anthropicOperationsReturnAnthropicsOwnTypes() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("Hello there").withReasoning("Hmm"));
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		Message message = template.anthropic().messages(MessageRequest.of("hi")).block(TIMEOUT);
		assertThat(message.text()).isEqualTo("Hello there");
		assertThat(message.thinking()).isEqualTo("Hmm");
		assertThat(message.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(message.usage().outputTokens()).isPositive();
		List<MessageStreamEvent> events = template.anthropic()
			.messagesStream(MessageRequest.of("hi"))
			.collectList()
			.block(TIMEOUT);
		assertThat(events).extracting(MessageStreamEvent::type)
			.startsWith("message_start", "ping")
			.endsWith("message_delta", "message_stop")
			.contains("content_block_delta");
		assertThat(template.blocking().messages(MessageRequest.of("hi")).text()).isEqualTo("Hello there");
	}

	@Test
	void errorEventBeforeOutputIsTheTypedExceptionOfItsType() {
		StreamDecoder<ChatDelta> decoder = neutralDecoder();
		decoder.decode(event("message_start",
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[],\"usage\":{\"input_tokens\":3}}}"),
				ResponseMetadata.NONE);
		assertThatExceptionOfType(DeepSeekApiException.Overloaded.class).isThrownBy(() -> decoder.decode(
				event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Busy\"}}"),
				ResponseMetadata.NONE))
			.withMessageContaining("Busy");
		assertThat(decoder.hasOutput()).isFalse();
	}

	@Test
	void errorInDeepSeeksEnvelopeAfterOutputIsAnInterruptionKeepingThePartialText() {
		StreamDecoder<ChatDelta> decoder = neutralDecoder();
		decoder.decode(event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
				ResponseMetadata.NONE);
		ChatDelta delta = decoder.decode(event("content_block_delta",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}"),
				ResponseMetadata.NONE);
		assertThat(delta.text()).isEqualTo("Hel");
		Throwable error = null;
		try {
			decoder.decode(new ServerSentEvent(null,
					"{\"error\":{\"message\":\"Server Error\",\"type\":\"api_error\",\"param\":null,\"code\":null}}"),
					ResponseMetadata.NONE);
		}
		catch (RuntimeException ex) {
			error = ex;
		}
		assertThat(error).hasMessageContaining("Server Error");
		assertThat(decoder.hasOutput()).isTrue();
		assertThat(decoder.interrupted(error)).isInstanceOfSatisfying(DeepSeekStreamInterruptedException.class,
				(interrupted) -> assertThat(interrupted.partialContent()).isEqualTo("Hel"));
	}

	@Test
	void trailingDoneAfterMessageStopIsSkippedAndTheStreamIsDone() {
		StreamDecoder<ChatDelta> decoder = neutralDecoder();
		assertThat(decoder.decode(event("message_stop", "{\"type\":\"message_stop\"}"), ResponseMetadata.NONE))
			.isNull();
		assertThat(decoder.decode(new ServerSentEvent(null, "[DONE]"), ResponseMetadata.NONE)).isNull();
		assertThat(decoder.isDone()).isTrue();
	}

	private static StreamDecoder<ChatDelta> neutralDecoder() {
		return new NeutralAdapter<>(AnthropicAdapter.INSTANCE, AnthropicChatMapping.INSTANCE).streamDecoder();
	}

	private static ServerSentEvent event(String name, String data) {
		return new ServerSentEvent(name, data);
	}

}
