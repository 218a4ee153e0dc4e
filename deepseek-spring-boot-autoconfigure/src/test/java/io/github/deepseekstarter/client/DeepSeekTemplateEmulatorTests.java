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

import io.github.deepseekstarter.DeepSeekServerQueueTimeoutException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Tests of {@link DeepSeekTemplate} over HTTP against the emulator: replies, keep-alives
 * while queued, the pre-inference close, and streams cut mid-way.
 */
class DeepSeekTemplateEmulatorTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(20)));

	@Test
	void chatReturnsTheReplyWithUsage() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("Hello from the emulator").withReasoning("Thinking it over"));
		ChatCompletion completion = EmulatorTemplates.template(emulator)
			.chat(ChatCompletionRequest.of("hi"))
			.block(TIMEOUT);
		assertThat(completion.content()).isEqualTo("Hello from the emulator");
		assertThat(completion.reasoningContent()).isEqualTo("Thinking it over");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().promptTokens())
			.isEqualTo(completion.usage().promptCacheHitTokens() + completion.usage().promptCacheMissTokens());
		assertThat(completion.usage().reasoningTokens()).isPositive();
		assertThat(completion.metadata().keepAlives()).isZero();
		assertThat(emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/chat/completions");
			assertThat(request.model()).isEqualTo("deepseek-v4-flash");
			assertThat(request.stream()).isFalse();
		});
	}

	@Test
	void streamDeliversTheSameReplyInChunksAndTheUsageAtTheEnd() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("one two three four five"));
		List<ChatCompletionChunk> chunks = EmulatorTemplates.template(emulator)
			.chatStream(ChatCompletionRequest.builder()
				.message(ChatMessage.user("count"))
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build())
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).hasSizeGreaterThan(2);
		StringBuilder content = new StringBuilder();
		chunks.forEach((chunk) -> content.append((chunk.content() != null) ? chunk.content() : ""));
		assertThat(content).hasToString("one two three four five");
		assertThat(chunks.get(chunks.size() - 1).usage()).isNotNull();
		assertThat(emulator.requests()).singleElement().satisfies((request) -> assertThat(request.stream()).isTrue());
	}

	@Test
	void streamAsksForTheUsageByDefaultSoItsTokensAreReported() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("one two three"));
		List<ChatCompletionChunk> chunks = EmulatorTemplates.template(emulator)
			.chatStream(ChatCompletionRequest.of("count"))
			.collectList()
			.block(TIMEOUT);
		assertThat(emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.json().path("stream_options").toString())
				.isEqualTo("{\"include_usage\":true}"));
		assertThat(chunks.get(chunks.size() - 1).usage()).isNotNull()
			.satisfies((usage) -> assertThat(usage.completionTokens()).isPositive());
	}

	@Test
	void streamKeepsTheCallersOwnStreamOptionsAndACallThatDoesNotStreamSendsNone() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		ChatCompletionRequest withoutUsage = ChatCompletionRequest.builder()
			.message(ChatMessage.user("count"))
			.streamOptions(new ChatCompletionRequest.StreamOptions(false))
			.build();
		List<ChatCompletionChunk> chunks = template.chatStream(withoutUsage).collectList().block(TIMEOUT);
		template.chat(ChatCompletionRequest.of("count")).block(TIMEOUT);
		assertThat(emulator.requests()).hasSize(2);
		assertThat(emulator.requests().get(0).json().path("stream_options").toString())
			.isEqualTo("{\"include_usage\":false}");
		assertThat(emulator.requests().get(1).json().has("stream_options")).isFalse();
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.usage()).isNull());
	}

	@Test
	void queuedRequestSkipsBlankLinesBeforeItsJsonAndCountsThem() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = template.chat(ChatCompletionRequest.of("first")).subscribe();
		await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
		StepVerifier.create(template.chat(ChatCompletionRequest.of("second")))
			.then(() -> await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).queued() == 1))
			.then(holder::dispose)
			.assertNext((completion) -> {
				assertThat(completion.content()).isNotEmpty();
				assertThat(completion.metadata().keepAlives()).isPositive();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void queuedStreamSkipsKeepAliveCommentsAndCountsThem() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = template.chatStream(ChatCompletionRequest.of("first")).subscribe();
		await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
		StepVerifier.create(template.chatStream(ChatCompletionRequest.of("second")).collectList())
			.then(() -> await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).queued() == 1))
			.then(holder::dispose)
			.assertNext((chunks) -> {
				assertThat(chunks).isNotEmpty();
				assertThat(chunks.get(0).metadata().keepAlives()).isPositive();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void serverCloseBeforeInferenceIsAServerQueueTimeout() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		emulator.setPreInferenceTimeout(Duration.ofMillis(300));
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = template.chatStream(ChatCompletionRequest.of("first")).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
			for (boolean stream : new boolean[] { false, true }) {
				StepVerifier
					.create(stream ? template.chatStream(ChatCompletionRequest.of("second"))
							: template.chat(ChatCompletionRequest.of("second")))
					.expectErrorSatisfies((ex) -> {
						assertThat(ex).isInstanceOf(DeepSeekServerQueueTimeoutException.class)
							.hasMessageContaining("DeepSeek closed the connection before inference started");
						assertThat(((DeepSeekServerQueueTimeoutException) ex).keepAlives()).isPositive();
					})
					.verify(TIMEOUT);
			}
		}
		finally {
			holder.dispose();
		}
	}

	@Test
	void clientPreInferenceTimeoutIsAServerQueueTimeoutNamingTheProperty() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		DeepSeekTemplate template = EmulatorTemplates
			.builder(emulator,
					new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(30)))
			.build();
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = EmulatorTemplates.template(emulator)
			.chatStream(ChatCompletionRequest.of("first"))
			.subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
			StepVerifier.create(template.chatStream(ChatCompletionRequest.of("second")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekServerQueueTimeoutException.class)
					.hasMessageContaining("deepseek.timeouts.pre-inference"))
				.verify(TIMEOUT);
		}
		finally {
			holder.dispose();
		}
	}

	@Test
	void longGenerationAfterInferenceStartedIsNotCutByThePreInferenceTimeout() {
		DeepSeekTemplate template = slowGenerationWithShortPreInferenceTimeout();
		StepVerifier.create(template.chatStream(ChatCompletionRequest.of("slow")).then())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void nonStreamedGenerationIsNeverCutByThePreInferenceTimeout() {
		DeepSeekTemplate template = slowGenerationWithShortPreInferenceTimeout();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("slow")))
			.assertNext((completion) -> assertThat(completion.content()).isEqualTo("a b c d e f"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private DeepSeekTemplate slowGenerationWithShortPreInferenceTimeout() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setTokenInterval(Duration.ofMillis(100));
		emulator.setDefaultReply(Reply.content("a b c d e f"));
		return EmulatorTemplates
			.builder(emulator,
					new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofMillis(150), Duration.ofSeconds(30)))
			.build();
	}

	@Test
	void streamResetMidwayKeepsThePartialOutput() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setDefaultReply(Reply.content("alpha beta gamma delta epsilon"));
		emulator.enqueueFault(Fault.closeAfterChunks(3));
		StepVerifier.create(EmulatorTemplates.template(emulator).chatStream(ChatCompletionRequest.of("go")))
			.thenConsumeWhile((chunk) -> true)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class);
				DeepSeekStreamInterruptedException interrupted = (DeepSeekStreamInterruptedException) ex;
				assertThat(interrupted.chunks()).isEqualTo(3);
				assertThat("alpha beta gamma delta epsilon").startsWith(interrupted.partialContent());
			})
			.verify(TIMEOUT);
	}

	@Test
	void malformedChunkAfterOutputIsAnInterruption() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.malformedChunkAfter(2));
		StepVerifier.create(EmulatorTemplates.template(emulator).chatStream(ChatCompletionRequest.of("go")))
			.thenConsumeWhile((chunk) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class)
				.hasCauseInstanceOf(DeepSeekTransportException.class))
			.verify(TIMEOUT);
	}

	@Test
	void idleConnectionIsATransportFailureNamingTheProperty() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates
			.builder(emulator,
					new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(300)))
			.build();
		emulator.enqueueFault(Fault.stallAfterChunks(1));
		StepVerifier.create(template.chatStream(ChatCompletionRequest.of("go")))
			.thenConsumeWhile((chunk) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekStreamInterruptedException.class)
				.cause()
				.hasMessageContaining("deepseek.timeouts.idle"))
			.verify(TIMEOUT);
	}

}
