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

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A connector that answers every request at once, in the caller's thread, with the same
 * body cut into the same reads: what a client does above its transport, with no network
 * and no server in the measurement. Its request and response do no more than a
 * connection's adapters must (Spring's mock request builds an exception and a replay
 * buffer for every request, which was a sixth of a call).
 */
final class InMemoryConnector implements ClientHttpConnector {

	private final HttpHeaders responseHeaders;

	private final List<byte[]> reads;

	InMemoryConnector(MediaType contentType, List<byte[]> reads) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		this.responseHeaders = HttpHeaders.readOnlyHttpHeaders(headers);
		this.reads = reads;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		// The request's body is written out and released, as a connection would send it.
		return requestCallback.apply(new Request(method, uri)).then(Mono.fromSupplier(this::response));
	}

	private ClientHttpResponse response() {
		return new Response(this.responseHeaders, Flux.fromIterable(this.reads).map(InMemoryConnector::wrap));
	}

	private static DataBuffer wrap(byte[] read) {
		return DefaultDataBufferFactory.sharedInstance.wrap(read);
	}

	static final class Request extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		Request(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return DefaultDataBufferFactory.sharedInstance;
		}

		@Override
		public <T> T getNativeRequest() {
			throw new UnsupportedOperationException("An in-memory request has no native request");
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> Flux.from(body).doOnNext(DataBufferUtils::release).then());
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).flatMap((part) -> part));
		}

		@Override
		public Mono<Void> setComplete() {
			return doCommit();
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

	/**
	 * A response whose body can be read once, as a connection's: a later subscription
	 * (WebClient's release of a body not consumed) completes at once, as Reactor Netty's
	 * does once the body has been read.
	 */
	static final class Response implements ClientHttpResponse {

		private static final MultiValueMap<String, ResponseCookie> NO_COOKIES = new LinkedMultiValueMap<>(0);

		private final HttpHeaders headers;

		private final Flux<DataBuffer> body;

		private boolean subscribed;

		Response(HttpHeaders headers, Flux<DataBuffer> body) {
			this.headers = headers;
			this.body = Flux.defer(() -> {
				if (this.subscribed) {
					return Flux.empty();
				}
				this.subscribed = true;
				return body;
			});
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public MultiValueMap<String, ResponseCookie> getCookies() {
			return NO_COOKIES;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return this.body;
		}

	}

}
