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

package io.github.deepseekstarter.test.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension runs one emulator per class when static, injects it, and resets it
 * between tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeepSeekEmulatorExtensionTests {

	@RegisterExtension
	static DeepSeekEmulatorExtension deepseek = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().apiKey("sk-junit").keepAliveInterval(Duration.ofMillis(50)));

	private static int firstPort;

	@Test
	@Order(1)
	void injectsTheRunningEmulatorConfiguredByTheBuilder(DeepSeekEmulator emulator) throws Exception {
		assertThat(emulator).isSameAs(deepseek.emulator());
		assertThat(emulator.apiKey()).isEqualTo("sk-junit");
		emulator.enqueueFault(Fault.status(500));
		assertThat(balanceStatus(emulator)).isEqualTo(200);
		firstPort = emulator.port();
	}

	@Test
	@Order(2)
	void keepsTheEmulatorButResetsFaultsRecordingsAndCounters(DeepSeekEmulator emulator) {
		assertThat(emulator.port()).isEqualTo(firstPort);
		assertThat(emulator.requests()).isEmpty();
		assertThat(emulator.stats(Lane.FLASH).requests()).isZero();
	}

	@Nested
	class InNestedClasses {

		@Test
		void injectsTheSameEmulator(DeepSeekEmulator emulator) {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator).isSameAs(deepseek.emulator());
		}

	}

	static int balanceStatus(DeepSeekEmulator emulator) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/user/balance"))
			.header("Authorization", "Bearer " + emulator.apiKey())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
