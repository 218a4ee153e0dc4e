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
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.observability.CallInfo;
import io.github.deepseekstarter.observability.CallObserver;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import reactor.util.context.ContextView;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * What a {@link DeepSeekObserver} sees of calls made against the emulator.
 */
class CallObservationTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final Recorder recorder = new Recorder();

	@Test
	void streamReportsStatusFirstByteFirstTokenUsageAndEnd() {
		template()
			.chatStream(ChatCompletionRequest.builder()
				.message(io.github.deepseekstarter.protocol.openai.ChatMessage.user("hi"))
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build())
			.blockLast(TIMEOUT);
		assertThat(this.recorder.calls).singleElement().satisfies((call) -> assertThat(call.stream()).isTrue());
		assertThat(this.recorder.events).containsExactly("response 200", "first byte", "first token", "usage",
				"end ok");
	}

	@Test
	void completionReportsStatusFirstByteUsageAndEnd() {
		template().chat(ChatCompletionRequest.of("hi")).block(TIMEOUT);
		assertThat(this.recorder.events).containsExactly("response 200", "first byte", "usage", "end ok");
	}

	@Test
	void serverErrorsAreReportedWithTheirStatus() {
		this.extension.emulator().enqueueFault(Fault.status(500));
		StepVerifier.create(template().chat(ChatCompletionRequest.of("hi")))
			.expectError(DeepSeekApiException.ServerError.class)
			.verify(TIMEOUT);
		assertThat(this.recorder.events).containsExactly("response 500", "end ServerError");
	}

	@Test
	void cancellationIsReported() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.stallAfterChunks(1));
		StepVerifier.create(template().chatStream(ChatCompletionRequest.of("hi")))
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.recorder.events).last().isEqualTo("end cancelled");
	}

	private DeepSeekTemplate template() {
		return EmulatorTemplates.builder(this.extension.emulator(), EmulatorTemplates.TIMEOUTS)
			.observer(this.recorder)
			.build();
	}

	static class Recorder implements DeepSeekObserver {

		final List<CallInfo> calls = new CopyOnWriteArrayList<>();

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public CallObserver start(CallInfo call, ContextView context) {
			this.calls.add(call);
			return new CallObserver() {

				@Override
				public void onResponse(int status) {
					Recorder.this.events.add("response " + status);
				}

				@Override
				public void onFirstByte(ResponseMetadata metadata) {
					Recorder.this.events.add("first byte");
				}

				@Override
				public void onFirstToken() {
					Recorder.this.events.add("first token");
				}

				@Override
				public void onUsage(TokenUsage usage) {
					Recorder.this.events.add("usage");
				}

				@Override
				public void onEnd(@Nullable Throwable error, boolean cancelled) {
					Recorder.this.events.add("end "
							+ (cancelled ? "cancelled" : (error != null) ? error.getClass().getSimpleName() : "ok"));
				}

			};
		}

	}

}
