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

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds templates pointed at an emulator for tests, without Spring Boot.
 */
final class TestTemplates {

	static final DeepSeekTimeouts TIMEOUTS = new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
			Duration.ofSeconds(30));

	static final RetrySettings NO_RETRY = new RetrySettings(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
			Duration.ofSeconds(1));

	private TestTemplates() {
	}

	static DeepSeekTemplateBuilder builder(DeepSeekEmulator emulator, DeepSeekTimeouts timeouts) {
		return builder(emulator, emulator.apiKey(), timeouts);
	}

	static DeepSeekTemplateBuilder builder(DeepSeekEmulator emulator, String apiKey, DeepSeekTimeouts timeouts) {
		ConnectionProvider pool = DeepSeekConnector.connectionProvider(200, 1000, Duration.ofSeconds(10));
		WebClient webClient = DeepSeekConnector
			.configure(WebClient.builder(), URI.create(emulator.baseUrl()), apiKey, pool, timeouts)
			.build();
		return DeepSeekTemplate.builder(webClient)
			.timeouts(timeouts)
			.retry(new DeepSeekRetryPolicy(NO_RETRY))
			.userIds(new UserIdResolution(UserIdPolicy.raw(), List.of(), AnonymousUserIdStrategy.none()));
	}

	static DeepSeekTemplate template(DeepSeekEmulator emulator) {
		return builder(emulator, TIMEOUTS).build();
	}

}
