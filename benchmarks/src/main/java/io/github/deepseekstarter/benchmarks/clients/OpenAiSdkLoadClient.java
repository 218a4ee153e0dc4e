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

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import reactor.core.publisher.Mono;

/**
 * The official OpenAI Java SDK's blocking client on caller threads, its documented way of
 * use, with retries off so that every 429 the server sends is seen once.
 */
public final class OpenAiSdkLoadClient implements LoadClient {

	private final OpenAIClient client;

	private final CallerThreads callers;

	private final ClientSettings settings;

	/**
	 * Creates the client.
	 * @param settings the shared settings
	 */
	public OpenAiSdkLoadClient(ClientSettings settings) {
		this.settings = settings;
		this.client = OpenAIOkHttpClient.builder()
			.baseUrl(settings.baseUrlText())
			.apiKey(settings.apiKey())
			.maxRetries(0)
			.timeout(settings.timeout())
			.maxIdleConnections(settings.maxConcurrency())
			.keepAliveDuration(Duration.ofMinutes(1))
			.build();
		this.callers = new CallerThreads("openai-java", settings.maxConcurrency());
	}

	@Override
	public Mono<Void> complete(String model) {
		ChatCompletionCreateParams params = params(model);
		return this.callers.call(() -> this.client.chat().completions().create(params));
	}

	@Override
	public Mono<Void> stream(String model) {
		ChatCompletionCreateParams params = params(model);
		return this.callers.call(() -> {
			try (StreamResponse<ChatCompletionChunk> chunks = this.client.chat()
				.completions()
				.createStreaming(params)) {
				return chunks.stream().count();
			}
		});
	}

	private ChatCompletionCreateParams params(String model) {
		return ChatCompletionCreateParams.builder()
			.model(model)
			.addUserMessage(this.settings.prompt())
			.maxTokens(this.settings.maxTokens())
			.build();
	}

	@Override
	public void close() {
		this.callers.close();
		this.client.close();
	}

	@Override
	public String toString() {
		return "openai-java";
	}

}
