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
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and records every request, routes it, checks the API key and turns request errors
 * into DeepSeek's error envelope.
 */
final class EmulatorHttpHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private final EmulatorSettings settings;

	private final RequestRecorder recorder;

	private final OpenAiChatEndpoint openAi;

	private final AnthropicMessagesEndpoint anthropic;

	EmulatorHttpHandler(EmulatorSettings settings, RequestRecorder recorder, ChatFlow flow) {
		this.settings = settings;
		this.recorder = recorder;
		this.openAi = new OpenAiChatEndpoint(flow);
		this.anthropic = new AnthropicMessagesEndpoint(settings, flow);
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			String path = path(request.uri());
			RecordedRequest recorded = this.recorder.record(request.method().name(), path, request.requestHeaders(),
					body);
			try {
				return route(request, response, path, recorded);
			}
			catch (ApiException ex) {
				boolean anthropicEnvelope = path.startsWith("/anthropic/") && !this.settings.anthropicQuirks;
				return Responses.error(response, ex.error(), anthropicEnvelope);
			}
		});
	}

	private Mono<Void> route(HttpServerRequest request, HttpServerResponse response, String path,
			RecordedRequest recorded) {
		HttpMethod method = request.method();
		switch (path) {
			case "/chat/completions", "/v1/chat/completions" -> {
				requireMethod(method, HttpMethod.POST);
				requireKey(bearer(request));
				return this.openAi.handle(response, recorded);
			}
			case "/anthropic/v1/messages", "/anthropic/messages" -> {
				requireMethod(method, HttpMethod.POST);
				String key = bearer(request);
				requireKey((key != null) ? key : request.requestHeaders().get("x-api-key"));
				return this.anthropic.handle(response, recorded);
			}
			case "/models", "/v1/models" -> {
				requireMethod(method, HttpMethod.GET);
				requireKey(bearer(request));
				return Responses.json(response, 200, models());
			}
			case "/user/balance", "/v1/user/balance" -> {
				requireMethod(method, HttpMethod.GET);
				requireKey(bearer(request));
				return Responses.json(response, 200, balance(this.settings.balance));
			}
			default -> {
				return Responses.error(response, ApiError.notFound(path));
			}
		}
	}

	private static void requireMethod(HttpMethod actual, HttpMethod expected) {
		if (!expected.equals(actual)) {
			throw new ApiException(ApiError.methodNotAllowed(actual.name()));
		}
	}

	private void requireKey(@Nullable String key) {
		if (key == null || !this.settings.apiKeys.contains(key)) {
			throw new ApiException(ApiError.authentication());
		}
	}

	private static @Nullable String bearer(HttpServerRequest request) {
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return null;
	}

	private static String path(String uri) {
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	private static String models() {
		ObjectNode root = Json.object().put("object", "list");
		ArrayNode data = root.putArray("data");
		for (Lane lane : Lane.values()) {
			data.addObject().put("id", lane.modelName()).put("object", "model").put("owned_by", "deepseek");
		}
		return Json.write(root);
	}

	static String balance(BalanceState state) {
		boolean available = state == BalanceState.AVAILABLE;
		ObjectNode root = Json.object().put("is_available", available);
		root.putArray("balance_infos")
			.addObject()
			.put("currency", "USD")
			.put("total_balance", available ? "110.00" : "0.00")
			.put("granted_balance", available ? "10.00" : "0.00")
			.put("topped_up_balance", available ? "100.00" : "0.00");
		return Json.write(root);
	}

}
