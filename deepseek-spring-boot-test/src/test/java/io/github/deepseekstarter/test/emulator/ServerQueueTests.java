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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests beyond the inference capacity wait in a FIFO queue, receiving keep-alives in
 * the shape DeepSeek sends them, and are closed without an answer after the pre-inference
 * timeout.
 */
class ServerQueueTests {

	private DeepSeekEmulator emulator;

	private WireClient.Held holder;

	@BeforeEach
	void startWithOneInferenceSlotTaken() {
		this.emulator = DeepSeekEmulator.builder()
			.inferenceCapacity(Lane.FLASH, 1)
			.keepAliveInterval(Duration.ofMillis(50))
			.build()
			.start();
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		this.holder = WireClient.to(this.emulator)
			.hold("/chat/completions", WireClient.chat("deepseek-v4-flash", "hold", true));
		await().until(() -> !this.holder.received().isEmpty());
	}

	@AfterEach
	void stop() {
		this.holder.release();
		this.emulator.close();
	}

	@Test
	void sendsBlankLinesBeforeTheJsonOfAQueuedNonStreamingRequest() {
		List<String> received = new CopyOnWriteArrayList<>();
		WireClient.to(this.emulator)
			.stream("/chat/completions", WireClient.chat("deepseek-v4-flash", "wait", false))
			.subscribe(received::add, (error) -> {
			});
		await().until(() -> String.join("", received).startsWith("\n\n"));
		assertThat(this.emulator.stats(Lane.FLASH).queued()).isEqualTo(1);

		this.holder.release();

		await().until(() -> String.join("", received).endsWith("}"));
		String body = String.join("", received);
		assertThat(body).matches("(?s)\n{2,}\\{\"id\".*\"content\":\"Echo: wait\".*\\}");
	}

	@Test
	void sendsKeepAliveCommentsBeforeTheChunksOfAQueuedStream() {
		List<String> received = new CopyOnWriteArrayList<>();
		WireClient.to(this.emulator)
			.stream("/chat/completions", WireClient.chat("deepseek-v4-flash", "wait", true))
			.subscribe(received::add, (error) -> {
			});
		await().until(() -> String.join("", received).startsWith(": keep-alive\n\n: keep-alive\n\n"));

		this.holder.release();

		await().until(() -> String.join("", received).endsWith("data: [DONE]\n\n"));
		assertThat(String.join("", received)).matches("(?s)(: keep-alive\n\n)+data: \\{.*");
	}

	@Test
	void closesTheConnectionOfARequestThatWaitedPastThePreInferenceTimeout() {
		this.emulator.setPreInferenceTimeout(Duration.ofMillis(300));
		List<String> received = new CopyOnWriteArrayList<>();

		StepVerifier
			.create(WireClient.to(this.emulator)
				.stream("/chat/completions", WireClient.chat("deepseek-v4-flash", "wait", true))
				.doOnNext(received::add))
			.thenConsumeWhile((piece) -> true)
			.expectError(PrematureCloseException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(String.join("", received)).matches("(: keep-alive\n\n)+");
		await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 1);
		assertThat(this.emulator.stats(Lane.FLASH).queued()).isZero();
	}

	@Test
	void grantsInferenceInArrivalOrder() {
		List<String> first = new CopyOnWriteArrayList<>();
		List<String> second = new CopyOnWriteArrayList<>();
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.to(this.emulator)
			.stream("/chat/completions", WireClient.chat("deepseek-v4-flash", "first", true))
			.subscribe(first::add, (error) -> {
			});
		await().until(() -> this.emulator.stats(Lane.FLASH).queued() == 1);
		WireClient.to(this.emulator)
			.stream("/chat/completions", WireClient.chat("deepseek-v4-flash", "second", true))
			.subscribe(second::add, (error) -> {
			});
		await().until(() -> this.emulator.stats(Lane.FLASH).queued() == 2);

		this.holder.release();

		await().until(() -> String.join("", first).contains("\"role\":\"assistant\""));
		assertThat(this.emulator.stats(Lane.FLASH).queued()).isEqualTo(1);
		assertThat(String.join("", second)).doesNotContain("data: {");
	}

}
