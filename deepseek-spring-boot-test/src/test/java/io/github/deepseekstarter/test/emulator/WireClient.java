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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Talks raw HTTP to an emulator, so tests can see the exact bytes on the wire.
 */
final class WireClient {

	private final HttpClient client;

	private WireClient(HttpClient client) {
		this.client = client;
	}

	static WireClient to(DeepSeekEmulator emulator) {
		return to(emulator, emulator.apiKey());
	}

	static WireClient to(DeepSeekEmulator emulator, @Nullable String apiKey) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
			.baseUrl(emulator.baseUrl())
			.headers((headers) -> {
				headers.set("Content-Type", "application/json");
				if (apiKey != null) {
					headers.set("Authorization", "Bearer " + apiKey);
				}
			});
		return new WireClient(client);
	}

	WireClient header(String name, String value) {
		return new WireClient(this.client.headers((headers) -> headers.set(name, value)));
	}

	/**
	 * POST a body and aggregate the whole answer.
	 */
	Response post(String path, String body) {
		return this.client.post()
			.uri(path)
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), response.responseHeaders(), text)))
			.block(Duration.ofSeconds(10));
	}

	Response get(String path) {
		return this.client.get()
			.uri(path)
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), response.responseHeaders(), text)))
			.block(Duration.ofSeconds(10));
	}

	/**
	 * POST a body and emit the body pieces as they arrive.
	 */
	Flux<String> stream(String path, String body) {
		return this.client.post()
			.uri(path)
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseContent()
			.asString(StandardCharsets.UTF_8);
	}

	/**
	 * Start a request that stays open until disposed, collecting what arrives.
	 */
	Held hold(String path, String body) {
		List<String> received = new CopyOnWriteArrayList<>();
		Disposable disposable = stream(path, body).subscribe(received::add, (error) -> {
		});
		return new Held(disposable, received);
	}

	static String chat(String model, String text, boolean stream) {
		return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
				+ text + "\"}]}";
	}

	record Response(int status, HttpHeaders headers, String body) {

	}

	record Held(Disposable disposable, List<String> received) {

		String text() {
			return String.join("", this.received);
		}

		void release() {
			this.disposable.dispose();
		}

	}

}
