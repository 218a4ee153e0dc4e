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

import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected per request: statuses with DeepSeek's bodies, broken streams and
 * scripted replies.
 */
class FaultInjectionTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private DeepSeekEmulator emulator;

	private WireClient client;

	@BeforeEach
	void connect() {
		this.emulator = this.extension.emulator();
		this.client = WireClient.to(this.emulator);
	}

	@Test
	void answersInjectedStatusWithDeepSeekBodyAndRetryAfter() {
		this.emulator.enqueueFault(Fault.status(503).withRetryAfter(Duration.ofMillis(1500)));

		WireClient.Response response = this.client.post("/chat/completions", chat(false));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headers().get("Retry-After")).isEqualTo("2");
		assertThat(response.body()).isEqualTo(
				"{\"error\":{\"message\":\"Server Overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":\"server_overloaded\"}}");
		assertThat(this.client.post("/chat/completions", chat(false)).status()).isEqualTo(200);
	}

	@Test
	void answersInjected402WithTheSpecBody() {
		this.emulator.enqueueFault(Fault.status(402));

		WireClient.Response response = this.client.post("/chat/completions", chat(false));

		assertThat(response.status()).isEqualTo(402);
		assertThat(response.body()).isEqualTo(
				"{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}");
	}

	@Test
	void closesTheConnectionMidStreamAfterTheGivenChunks() {
		this.emulator.enqueueFault(Fault.closeAfterChunks(2));
		List<String> received = new CopyOnWriteArrayList<>();

		StepVerifier.create(this.client.stream("/chat/completions", chat(true)).doOnNext(received::add))
			.thenConsumeWhile((piece) -> true)
			.expectError(PrematureCloseException.class)
			.verify(Duration.ofSeconds(10));

		String body = String.join("", received);
		assertThat(body.split("\n\n")).hasSize(2);
		assertThat(body).doesNotContain("[DONE]");
		await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 0);
	}

	@Test
	void sendsAMalformedChunkAndThenTheRest() {
		this.emulator.enqueueFault(Fault.malformedChunkAfter(1));

		String body = this.client.post("/chat/completions", chat(true)).body();

		String[] events = body.split("\n\n");
		assertThat(events[1]).startsWith("data: {\"id\":\"malformed\"");
		assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
	}

	@Test
	void stalledStreamHoldsItsSlotUntilTheClientLeaves() {
		this.emulator.enqueueFault(Fault.stallAfterChunks(2));
		WireClient.Held held = this.client.hold("/chat/completions", chat(true));
		await().until(() -> held.text().split("\n\n").length == 2 && held.text().endsWith("\n\n"));
		assertThat(this.emulator.stats(Lane.FLASH).inFlight()).isEqualTo(1);

		held.release();

		await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 0);
	}

	@Test
	void appliesRulesToMatchingRequestsOnlyAndOneShotsFirst() {
		this.emulator.addFaultRule((request) -> "tenant-x".equals(request.userId()), Fault.status(500));
		this.emulator.enqueueFault((request) -> request.sequence() == 2, Fault.status(422));

		assertThat(this.client.post("/chat/completions", chatForUser("tenant-y")).status()).isEqualTo(200);
		assertThat(this.client.post("/chat/completions", chatForUser("tenant-x")).status()).isEqualTo(422);
		assertThat(this.client.post("/chat/completions", chatForUser("tenant-x")).status()).isEqualTo(500);
		this.emulator.clearFaults();
		assertThat(this.client.post("/chat/completions", chatForUser("tenant-x")).status()).isEqualTo(200);
	}

	@Test
	void scriptsFinishReasonsAndReasoning() {
		this.emulator.enqueueFault(Fault.reply(Reply.content("partial")
			.withReasoning("scripted thought")
			.withFinishReason("insufficient_system_resource")));

		String body = this.client.post("/chat/completions", chat(true)).body();

		assertThat(body).contains("\"reasoning_content\":\" thought\"", "\"content\":\"partial\"",
				"\"finish_reason\":\"insufficient_system_resource\"");
	}

	@Test
	void cutsTheReplyAtMaxTokensWithFinishReasonLength() {
		String request = "{\"model\":\"deepseek-chat\",\"max_tokens\":2,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]}";

		String body = this.client.post("/chat/completions", request).body();

		assertThat(body).contains("\"content\":\"Echo: one\"", "\"finish_reason\":\"length\"",
				"\"completion_tokens\":2");
		assertThat(body).doesNotContain("reasoning_content");
	}

	@Test
	void callsTheRequiredToolWhenTheRequestForcesOne() {
		String request = "{\"model\":\"deepseek-v4-pro\",\"thinking\":{\"type\":\"disabled\"},"
				+ "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}],"
				+ "\"tool_choice\":\"required\",\"messages\":[{\"role\":\"user\",\"content\":\"find\"}]}";

		String body = this.client.post("/chat/completions", request).body();

		assertThat(body).contains("\"tool_calls\":[{\"index\":0", "\"name\":\"lookup\"", "\"arguments\":\"{}\"",
				"\"finish_reason\":\"tool_calls\"", "\"content\":null");
	}

	@Test
	void pacesGenerationWithTheLatencyKnobs() {
		this.emulator.setTimeToFirstToken(Duration.ofMillis(20));
		this.emulator.setTokenInterval(Duration.ofMillis(5));

		StepVerifier.create(this.client.stream("/chat/completions", chat(true)).reduce("", String::concat))
			.assertNext((body) -> assertThat(body).endsWith("data: [DONE]\n\n"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private static String chat(boolean stream) {
		return WireClient.chat("deepseek-v4-flash", "hello there", stream);
	}

	private static String chatForUser(String userId) {
		return "{\"model\":\"deepseek-v4-flash\",\"user_id\":\"" + userId
				+ "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
	}

}
