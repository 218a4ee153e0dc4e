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

package io.github.deepseekstarter.test.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation starts an emulator for the context, points the properties at it and
 * exposes it as a bean.
 */
@SpringJUnitConfig(AutoConfigureDeepSeekEmulatorTests.EmptyConfiguration.class)
@AutoConfigureDeepSeekEmulator(apiKey = "sk-spring", proLimit = 7)
class AutoConfigureDeepSeekEmulatorTests {

	@Autowired
	private DeepSeekEmulator emulator;

	@Value("${deepseek.base-url}")
	private String baseUrl;

	@Value("${deepseek.api-key}")
	private String apiKey;

	@Test
	void setsPropertiesAndExposesTheRunningEmulator() throws Exception {
		assertThat(this.emulator.isRunning()).isTrue();
		assertThat(this.baseUrl).isEqualTo(this.emulator.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.apiKey).isEqualTo("sk-spring");
		assertThat(this.emulator.stats(Lane.PRO).limit()).isEqualTo(7);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/user/balance"))
			.header("Authorization", "Bearer " + this.apiKey)
			.build();
		assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
