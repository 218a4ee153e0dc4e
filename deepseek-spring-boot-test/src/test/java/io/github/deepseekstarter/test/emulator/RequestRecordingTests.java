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

/**
 * Every request is recorded for assertions, without its secrets, in a bounded list.
 */
class RequestRecordingTests {

	private DeepSeekEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder().recordLimit(3).build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void recordsRequestsWithoutSecretHeaders() {
		WireClient.to(this.emulator)
			.header("x-api-key", "sk-emulator")
			.header("X-Tenant", "acme")
			.post("/v1/chat/completions", WireClient.chat("deepseek-v4-pro", "recorded", false));

		RecordedRequest request = this.emulator.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.headers()).doesNotContainKeys("authorization", "x-api-key");
		assertThat(request.header("X-Tenant")).isEqualTo("acme");
		assertThat(request.model()).isEqualTo("deepseek-v4-pro");
		assertThat(request.json().path("messages").get(0).path("content").asString()).isEqualTo("recorded");
		assertThat(request.body()).contains("\"recorded\"");
		assertThat(request.toString()).doesNotContain("sk-emulator");
	}

	@Test
	void keepsOnlyTheNewestRequestsAndClearsOnDemand() {
		WireClient client = WireClient.to(this.emulator);
		for (int i = 1; i <= 5; i++) {
			client.post("/chat/completions", WireClient.chat("deepseek-v4-flash", "n" + i, false));
		}

		assertThat(this.emulator.requests()).extracting(RecordedRequest::sequence).containsExactly(3L, 4L, 5L);
		this.emulator.clearRequests();
		assertThat(this.emulator.requests()).isEmpty();
		client.get("/models");
		assertThat(this.emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.sequence()).isEqualTo(1));
	}

}
