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

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor: Reactor Netty's {@link HttpClient} posting a prepared body and reading the
 * bytes back, with no JSON model, no limits and no keep-alive handling. Whatever a client
 * costs above this line is its own work.
 */
public final class RawReactorNettyClient implements LoadClient {

	private final ConnectionProvider connections;

	private final HttpClient http;

	private final ClientSettings settings;

	/**
	 * Creates the floor client.
	 * @param settings the shared settings
	 */
	public RawReactorNettyClient(ClientSettings settings) {
		this.connections = ConnectionProvider.builder("raw-floor")
			.maxConnections(settings.maxConcurrency())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(settings.timeout())
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		this.http = HttpClient.create(this.connections)
			.baseUrl(settings.baseUrlText())
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + settings.apiKey())
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
			.responseTimeout(settings.timeout());
		this.settings = settings;
	}

	@Override
	public Mono<Void> complete(String model) {
		return this.http.post()
			.uri("/chat/completions")
			.send((request, out) -> out.sendByteArray(Mono.just(this.settings.preparedBody(model, false))))
			.responseSingle((response, content) -> {
				int status = response.status().code();
				return content.asByteArray()
					.defaultIfEmpty(new byte[0])
					.flatMap((bytes) -> (status == 200) ? Mono.just(bytes.length)
							: Mono.error(new HttpStatusException(status)));
			})
			.then();
	}

	@Override
	public Mono<Void> stream(String model) {
		return this.http.post()
			.uri("/chat/completions")
			.send((request, out) -> out.sendByteArray(Mono.just(this.settings.preparedBody(model, true))))
			.response((response, content) -> {
				int status = response.status().code();
				if (status != 200) {
					return content.then(Mono.<Integer>error(new HttpStatusException(status)));
				}
				return content.map(ByteBuf::readableBytes);
			})
			.then();
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

	@Override
	public String toString() {
		return "raw Reactor Netty";
	}

}
