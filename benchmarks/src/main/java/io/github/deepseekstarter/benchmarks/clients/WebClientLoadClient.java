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
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The second floor: the template's own WebClient, configured by {@link DeepSeekConnector}
 * on the same pool, posting a prepared body and releasing the answer's bytes unread, with
 * no JSON model, no limits and no keep-alive handling. What it costs above the raw floor
 * is WebClient's; what the template costs above it is the template's.
 */
public final class WebClientLoadClient implements LoadClient {

	private final ConnectionProvider connections;

	private final WebClient webClient;

	private final ClientSettings settings;

	/**
	 * Creates the client.
	 * @param settings the shared settings
	 */
	public WebClientLoadClient(ClientSettings settings) {
		StarterTransport transport = StarterTransport.of(settings);
		this.connections = transport.connections();
		this.webClient = transport.webClient();
		this.settings = settings;
	}

	@Override
	public Mono<Void> complete(String model) {
		return exchange(model, false);
	}

	@Override
	public Mono<Void> stream(String model) {
		return exchange(model, true);
	}

	private Mono<Void> exchange(String model, boolean stream) {
		return this.webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromValue(this.settings.preparedBody(model, stream)))
			.exchangeToMono((response) -> {
				HttpStatusCode status = response.statusCode();
				if (status.value() != 200) {
					return response.releaseBody().then(Mono.error(new HttpStatusException(status.value())));
				}
				return response.bodyToFlux(DataBuffer.class).doOnNext(DataBufferUtils::release).then();
			});
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

	@Override
	public String toString() {
		return "WebClient";
	}

}
