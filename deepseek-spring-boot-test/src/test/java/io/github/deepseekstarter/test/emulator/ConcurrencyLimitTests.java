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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account concurrency per model lane: slots held until the last byte, shared by all keys,
 * 429 with DeepSeek's message above the limit.
 */
class ConcurrencyLimitTests {

	private static final String TOO_MANY = "{\"error\":{\"message\":\"Too many requests. Your current concurrency is 2, "
			+ "which exceeds your concurrency limit of 1 based on your remaining balance\","
			+ "\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"rate_limit_error\"}}";

	private DeepSeekEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder()
			.apiKeys("sk-one", "sk-two")
			.concurrencyLimit(Lane.PRO, 1)
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void rejectsRequestOverTheLaneLimitWhileAStreamHoldsTheSlot() {
		WireClient.Held holder = holdStalledStream("sk-one", "deepseek-v4-pro");

		WireClient.Response rejected = WireClient.to(this.emulator, "sk-two")
			.post("/chat/completions", WireClient.chat("deepseek-v4-pro", "hi", false));

		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.body()).isEqualTo(TOO_MANY);
		LaneStats stats = this.emulator.stats(Lane.PRO);
		assertThat(stats.inFlight()).isEqualTo(1);
		assertThat(stats.peakInFlight()).isEqualTo(1);
		assertThat(stats.rejected()).isEqualTo(1);
		assertThat(stats.requests()).isEqualTo(2);
		holder.release();
		await().until(() -> this.emulator.stats(Lane.PRO).inFlight() == 0);
		assertThat(WireClient.to(this.emulator)
			.header("Authorization", "Bearer sk-two")
			.post("/chat/completions", WireClient.chat("deepseek-v4-pro", "hi", false))
			.status()).isEqualTo(200);
	}

	@Test
	void keepsLanesIndependentAndMapsFlashAliasesToOneLane() {
		this.emulator.setConcurrencyLimit(Lane.FLASH, 1);
		WireClient.Held pro = holdStalledStream("sk-one", "deepseek-v4-pro");
		WireClient.Held flash = holdStalledStream("sk-one", "deepseek-chat");

		assertThat(post("deepseek-reasoner").status()).isEqualTo(429);
		assertThat(post("deepseek-flash").status()).isEqualTo(429);
		assertThat(this.emulator.stats(Lane.FLASH).rejected()).isEqualTo(2);
		assertThat(this.emulator.stats(Lane.PRO).rejected()).isZero();
		pro.release();
		flash.release();
	}

	@Test
	void raisedLimitAtRuntimeAdmitsMoreAndPeakRemembersTheMaximum() {
		WireClient.Held first = holdStalledStream("sk-one", "deepseek-v4-pro");
		this.emulator.setConcurrencyLimit(Lane.PRO, 2);
		WireClient.Held second = holdStalledStream("sk-one", "deepseek-v4-pro");
		first.release();
		second.release();

		await().until(() -> this.emulator.stats(Lane.PRO).inFlight() == 0);
		assertThat(this.emulator.stats(Lane.PRO).peakInFlight()).isEqualTo(2);
		this.emulator.resetStats();
		assertThat(this.emulator.stats(Lane.PRO).peakInFlight()).isZero();
		assertThat(this.emulator.stats(Lane.PRO).requests()).isZero();
	}

	@Test
	void limitsEachUserIdWhenEnabled() {
		this.emulator.setConcurrencyLimit(Lane.PRO, 10);
		this.emulator.setUserIdLimit(1);
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held holder = WireClient.to(this.emulator)
			.hold("/chat/completions", withUser(WireClient.chat("deepseek-v4-pro", "hold", true), "tenant-a"));
		await().until(() -> this.emulator.stats(Lane.PRO).inFlight() == 1);

		WireClient client = WireClient.to(this.emulator);
		WireClient.Response sameUser = client.post("/chat/completions",
				withUser(WireClient.chat("deepseek-v4-pro", "hi", false), "tenant-a"));
		WireClient.Response otherUser = client.post("/chat/completions",
				withUser(WireClient.chat("deepseek-v4-pro", "hi", false), "tenant-b"));

		assertThat(sameUser.status()).isEqualTo(429);
		assertThat(sameUser.body()).contains("Your current concurrency is 2", "concurrency limit of 1");
		assertThat(otherUser.status()).isEqualTo(200);
		holder.release();
	}

	private WireClient.Held holdStalledStream(String apiKey, String model) {
		int before = this.emulator.stats(Lane.forModel(model)).inFlight();
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held held = WireClient.to(this.emulator, apiKey)
			.hold("/chat/completions", WireClient.chat(model, "hold", true));
		await().until(() -> !held.received().isEmpty());
		assertThat(this.emulator.stats(Lane.forModel(model)).inFlight()).isEqualTo(before + 1);
		return held;
	}

	private WireClient.Response post(String model) {
		return WireClient.to(this.emulator).post("/chat/completions", WireClient.chat(model, "hi", false));
	}

	private static String withUser(String body, String userId) {
		return body.substring(0, body.length() - 1) + ",\"user_id\":\"" + userId + "\"}";
	}

}
