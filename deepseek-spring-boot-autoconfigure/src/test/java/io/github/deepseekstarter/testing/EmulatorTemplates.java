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
package io.github.deepseekstarter.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTemplateBuilder;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds templates pointed at an emulator (or any local server) for tests, without Spring
 * Boot and without retries, sending the {@code user_id} set on each request as it is.
 */
public final class EmulatorTemplates {

	/** Timeouts short enough for tests. */
	public static final DeepSeekTimeouts TIMEOUTS = new DeepSeekTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
			Duration.ofSeconds(30));

	/** One attempt, no retry. */
	public static final RetrySettings NO_RETRY = new RetrySettings(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
			Duration.ofSeconds(1));

	private EmulatorTemplates() {
	}

	/**
	 * A builder of a template calling an emulator with its API key.
	 * @param emulator the emulator
	 * @param timeouts the timeouts
	 * @return the builder
	 */
	public static DeepSeekTemplateBuilder builder(DeepSeekEmulator emulator, DeepSeekTimeouts timeouts) {
		return builder(emulator.baseUrl(), emulator.apiKey(), timeouts);
	}

	/**
	 * A builder of a template calling an emulator.
	 * @param emulator the emulator
	 * @param apiKey the API key to send
	 * @param timeouts the timeouts
	 * @return the builder
	 */
	public static DeepSeekTemplateBuilder builder(DeepSeekEmulator emulator, String apiKey, DeepSeekTimeouts timeouts) {
		return builder(emulator.baseUrl(), apiKey, timeouts);
	}

	/**
	 * A builder of a template calling a server, with {@link #TIMEOUTS}.
	 * @param baseUrl the server's base URL
	 * @param apiKey the API key to send
	 * @return the builder
	 */
	public static DeepSeekTemplateBuilder builder(String baseUrl, String apiKey) {
		return builder(baseUrl, apiKey, TIMEOUTS);
	}

	/**
	 * A template calling an emulator with {@link #TIMEOUTS}.
	 * @param emulator the emulator
	 * @return the template
	 */
	public static DeepSeekTemplate template(DeepSeekEmulator emulator) {
		return builder(emulator, TIMEOUTS).build();
	}

	private static DeepSeekTemplateBuilder builder(String baseUrl, String apiKey, DeepSeekTimeouts timeouts) {
		ConnectionProvider pool = DeepSeekConnector.connectionProvider(200, 1000, Duration.ofSeconds(10));
		WebClient webClient = DeepSeekConnector
			.configure(WebClient.builder(), URI.create(baseUrl), apiKey, pool, timeouts)
			.build();
		return DeepSeekTemplate.builder(webClient)
			.timeouts(timeouts)
			.retry(new DeepSeekRetryPolicy(NO_RETRY))
			.userIds(new UserIdResolution(UserIdPolicy.raw(), List.of(), AnonymousUserIdStrategy.none()));
	}

}
