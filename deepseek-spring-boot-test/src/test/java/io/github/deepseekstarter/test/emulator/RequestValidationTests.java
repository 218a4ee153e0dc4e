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
 * Authentication, {@code user_id} validation, request errors and the account endpoints,
 * with DeepSeek's exact bodies.
 */
class RequestValidationTests {

	private static final String AUTH_FAILS = "{\"error\":{\"message\":\"Authentication Fails (no such user)\","
			+ "\"type\":\"authentication_error\",\"param\":null,\"code\":\"invalid_request_error\"}}";

	private static final String BAD_USER_ID = "{\"error\":{\"message\":\"Invalid 'user_id': string does not match "
			+ "pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.\","
			+ "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request_error\"}}";

	private DeepSeekEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder().build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void rejectsWrongOrMissingKeyWith401() {
		WireClient.Response wrong = WireClient.to(this.emulator, "sk-wrong").post("/chat/completions", chat());
		WireClient.Response missing = WireClient.to(this.emulator, null).post("/chat/completions", chat());

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).isEqualTo(AUTH_FAILS);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo(AUTH_FAILS);
	}

	@Test
	void rejectsUserIdThatBreaksThePatternOrIsTooLong() {
		for (String userId : new String[] { "\"a b\"", "\"tenant@x\"", "\"\"", "42", "\"" + "a".repeat(513) + "\"" }) {
			WireClient.Response response = post("{\"model\":\"deepseek-v4-flash\",\"user_id\":" + userId
					+ ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
			assertThat(response.status()).as(userId).isEqualTo(400);
			assertThat(response.body()).isEqualTo(BAD_USER_ID);
		}
		assertThat(post("{\"model\":\"deepseek-v4-flash\",\"user_id\":\"" + "a".repeat(512)
				+ "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
			.status()).isEqualTo(200);
	}

	@Test
	void rejectsInvalidJsonAndMissingFieldsWith400() {
		assertThat(post("{not json").status()).isEqualTo(400);
		WireClient.Response noModel = post("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
		assertThat(noModel.status()).isEqualTo(400);
		assertThat(noModel.body()).contains("missing field `model`", "\"type\":\"invalid_request_error\"");
		assertThat(post("{\"model\":\"deepseek-v4-flash\",\"messages\":[]}").body())
			.contains("missing field `messages`");
	}

	@Test
	void rejectsUnknownModelWith400() {
		WireClient.Response response = post(WireClient.chat("gpt-4o", "hi", false));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"message\":\"Model Not Exist\"");
	}

	@Test
	void reportsBalanceAndRefusesChatsWhenItIsUsedUp() {
		WireClient client = WireClient.to(this.emulator);
		assertThat(client.get("/user/balance").body()).isEqualTo("{\"is_available\":true,\"balance_infos\":[{"
				+ "\"currency\":\"USD\",\"total_balance\":\"110.00\",\"granted_balance\":\"10.00\","
				+ "\"topped_up_balance\":\"100.00\"}]}");

		this.emulator.setBalance(BalanceState.INSUFFICIENT);

		assertThat(client.get("/user/balance").body()).startsWith("{\"is_available\":false");
		WireClient.Response chat = client.post("/chat/completions", chat());
		assertThat(chat.status()).isEqualTo(402);
		assertThat(chat.body()).contains("Insufficient Balance");
	}

	@Test
	void listsModelsUnderBothBasePaths() {
		WireClient client = WireClient.to(this.emulator);

		assertThat(client.get("/models").body()).contains("\"object\":\"list\"",
				"{\"id\":\"deepseek-v4-pro\",\"object\":\"model\",\"owned_by\":\"deepseek\"}");
		assertThat(client.get("/v1/models").status()).isEqualTo(200);
		assertThat(client.get("/nowhere").status()).isEqualTo(404);
	}

	private WireClient.Response post(String body) {
		return WireClient.to(this.emulator).post("/chat/completions", body);
	}

	private static String chat() {
		return WireClient.chat("deepseek-v4-flash", "hi", false);
	}

}
