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

package io.github.deepseekstarter.benchmarks.clients;

import java.time.Duration;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The transport an application outside Spring Boot builds for the template: a dedicated
 * pool from {@link DeepSeekConnector} and a web client configured on it.
 *
 * @param connections the pool, to be disposed when the client closes
 * @param webClient the web client
 * @param timeouts the connect, idle and pre-inference timeouts
 */
record StarterTransport(ConnectionProvider connections, WebClient webClient, DeepSeekTimeouts timeouts) {

	static StarterTransport of(ClientSettings settings) {
		DeepSeekTimeouts timeouts = new DeepSeekTimeouts(Duration.ofSeconds(10), settings.timeout(),
				Duration.ofMinutes(2));
		ConnectionProvider connections = DeepSeekConnector.connectionProvider(settings.maxConcurrency(),
				2 * settings.maxConcurrency(), settings.timeout());
		WebClient webClient = DeepSeekConnector
			.configure(WebClient.builder(), settings.baseUrl(), settings.apiKey(), connections, timeouts)
			.build();
		return new StarterTransport(connections, webClient, timeouts);
	}

}
