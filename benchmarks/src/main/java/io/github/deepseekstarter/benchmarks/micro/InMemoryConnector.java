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

package io.github.deepseekstarter.benchmarks.micro;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * A connector that answers every request at once, in the caller's thread, with the same
 * body cut into the same reads: what a client does above its transport, with no network
 * and no server in the measurement.
 */
final class InMemoryConnector implements ClientHttpConnector {

	private final MediaType contentType;

	private final List<byte[]> reads;

	InMemoryConnector(MediaType contentType, List<byte[]> reads) {
		this.contentType = contentType;
		this.reads = reads;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		// The request's body is written and read back, as a connection would send it.
		return requestCallback.apply(request)
			.then(Mono.defer(() -> request.getBody().doOnNext(DataBufferUtils::release).then()))
			.then(Mono.fromSupplier(this::response));
	}

	private ClientHttpResponse response() {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(this.contentType);
		response.setBody(Flux.fromIterable(this.reads).map(InMemoryConnector::wrap));
		return response;
	}

	private static DataBuffer wrap(byte[] read) {
		return DefaultDataBufferFactory.sharedInstance.wrap(read);
	}

}
