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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Anthropic-format endpoint on the wire: authentication headers, validation,
 * DeepSeek's quirks and the shared lanes and server queue.
 */
class AnthropicWireTests {

	private static final String PATH = "/anthropic/v1/messages";

	private DeepSeekEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(50)).build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void prefersBearerOverApiKeyHeader() {
		WireClient bearerRight = WireClient.to(this.emulator).header("x-api-key", "sk-wrong");
		WireClient bearerWrong = WireClient.to(this.emulator, "sk-wrong").header("x-api-key", "sk-emulator");
		WireClient apiKeyOnly = WireClient.to(this.emulator, null).header("x-api-key", "sk-emulator");

		assertThat(bearerRight.post(PATH, message("claude-sonnet-4-5", false)).status()).isEqualTo(200);
		WireClient.Response rejected = bearerWrong.post(PATH, message("claude-sonnet-4-5", false));
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.body()).contains("\"error\":{\"message\":\"Authentication Fails (no such user)\"");
		assertThat(apiKeyOnly.post("/anthropic/messages", message("claude-sonnet-4-5", false)).status()).isEqualTo(200);
	}

	@Test
	void validatesMetadataUserIdAndTemperatureAndBlocks() {
		WireClient client = WireClient.to(this.emulator);
		String badUser = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"metadata\":{\"user_id\":\"a.b\"},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		String hot = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"temperature\":2.5,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		String image = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
				+ "\"content\":[{\"type\":\"image\",\"source\":{}}]}]}";

		assertThat(client.post(PATH, badUser).body()).contains("Invalid 'user_id'");
		assertThat(client.post(PATH, hot).status()).isEqualTo(400);
		assertThat(client.post(PATH, image).body()).contains("Unsupported content block type: image");
		assertThat(client.post(PATH, message("gpt-4o", false)).body()).contains("Model Not Exist");
	}

	@Test
	void endsStreamsWithTrailingDoneUnlessQuirksAreOff() {
		WireClient client = WireClient.to(this.emulator);
		String quirky = client.post(PATH, message("claude-sonnet-4-5", true)).body();
		assertThat(quirky).startsWith("event: message_start\n")
			.contains("event: ping\n", "\"type\":\"text_delta\"", "event: message_stop\n")
			.endsWith("data: [DONE]\n\n");

		this.emulator.setAnthropicQuirks(false);

		assertThat(client.post(PATH, message("claude-sonnet-4-5", true)).body())
			.endsWith("data: {\"type\":\"message_stop\"}\n\n");
		this.emulator.enqueueFault(Fault.status(529));
		assertThat(client.post(PATH, message("claude-sonnet-4-5", false)).body())
			.startsWith("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"");
	}

	@Test
	void sharesTheLaneLimitWithTheOpenAiFormat() {
		this.emulator.setConcurrencyLimit(Lane.PRO, 1);
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held held = WireClient.to(this.emulator)
			.hold("/chat/completions", WireClient.chat("deepseek-v4-pro", "hold", true));
		await().until(() -> !held.received().isEmpty());

		WireClient.Response rejected = WireClient.to(this.emulator).post(PATH, message("claude-opus-4-1", false));

		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.body()).contains("\"type\":\"rate_limit_error\"", "concurrency limit of 1");
		held.release();
	}

	@Test
	void sendsKeepAlivesWhileQueuedThenTheEvents() {
		this.emulator.setInferenceCapacity(Lane.FLASH, 1);
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held held = WireClient.to(this.emulator).hold(PATH, message("claude-sonnet-4-5", true));
		await().until(() -> !held.received().isEmpty());
		List<String> received = new CopyOnWriteArrayList<>();
		WireClient.to(this.emulator).stream(PATH, message("claude-haiku-4-5", true)).subscribe(received::add, (e) -> {
		});
		await().until(() -> String.join("", received).startsWith(": keep-alive\n\n"));

		held.release();

		await().until(() -> String.join("", received).endsWith("data: [DONE]\n\n"));
		assertThat(String.join("", received)).matches("(?s)(: keep-alive\n\n)+event: message_start\n.*");
	}

	private static String message(String model, boolean stream) {
		return "{\"model\":\"" + model + "\",\"max_tokens\":256,\"stream\":" + stream
				+ ",\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"}],"
				+ "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}]}";
	}

}
