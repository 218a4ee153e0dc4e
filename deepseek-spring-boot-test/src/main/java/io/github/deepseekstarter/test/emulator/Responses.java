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

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes complete, non-streamed answers: JSON documents and error envelopes.
 */
final class Responses {

	private Responses() {
	}

	static Mono<Void> json(HttpServerResponse response, int status, String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return response.status(HttpResponseStatus.valueOf(status))
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length))
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	static Mono<Void> error(HttpServerResponse response, ApiError error) {
		return error(response, error, false);
	}

	static Mono<Void> error(HttpServerResponse response, ApiError error, boolean anthropicEnvelope) {
		Duration retryAfter = error.retryAfter();
		if (retryAfter != null) {
			long seconds = (retryAfter.toMillis() + 999) / 1000;
			response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
		}
		return json(response, error.status(), anthropicEnvelope ? error.anthropicBody() : error.body());
	}

}
