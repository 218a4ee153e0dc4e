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

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Spring AI's {@link OpenAiChatModel} built without a Spring context: {@code call} on
 * caller threads, {@code stream} as the reactive stream it returns. Its OkHttp dispatcher
 * is raised to the harness's concurrency, since OkHttp's default runs only 64 async calls
 * at once and Spring AI's builder offers no setting for it.
 */
public final class SpringAiLoadClient implements LoadClient {

	private final ClientSettings settings;

	private final OkHttpClient okHttp;

	private final OpenAIClient client;

	private final OpenAIClientAsync asyncClient;

	private final ConcurrentHashMap<String, OpenAiChatModel> models = new ConcurrentHashMap<>();

	private final CallerThreads callers;

	/**
	 * Creates the client.
	 * @param settings the shared settings
	 */
	public SpringAiLoadClient(ClientSettings settings) {
		this.settings = settings;
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(settings.maxConcurrency());
		dispatcher.setMaxRequestsPerHost(settings.maxConcurrency());
		this.okHttp = new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectionPool(new ConnectionPool(settings.maxConcurrency(), 1, TimeUnit.MINUTES))
			.build();
		this.client = OpenAIOkHttpClient.builder()
			.okHttpClient(this.okHttp)
			.baseUrl(settings.baseUrlText())
			.apiKey(settings.apiKey())
			.maxRetries(0)
			.timeout(settings.timeout())
			.build();
		this.asyncClient = OpenAIOkHttpClientAsync.builder()
			.okHttpClient(this.okHttp)
			.baseUrl(settings.baseUrlText())
			.apiKey(settings.apiKey())
			.maxRetries(0)
			.timeout(settings.timeout())
			.build();
		this.callers = new CallerThreads("spring-ai", settings.maxConcurrency());
	}

	@Override
	public Mono<Void> complete(String model) {
		OpenAiChatModel chatModel = model(model);
		return this.callers.call(() -> chatModel.call(new Prompt(this.settings.prompt())));
	}

	@Override
	public Mono<Void> stream(String model) {
		return model(model).stream(new Prompt(this.settings.prompt())).then();
	}

	private OpenAiChatModel model(String model) {
		return this.models.computeIfAbsent(model,
				(name) -> OpenAiChatModel.builder()
					.openAiClient(this.client)
					.openAiClientAsync(this.asyncClient)
					.options(OpenAiChatOptions.builder()
						.baseUrl(this.settings.baseUrlText())
						.apiKey(this.settings.apiKey())
						.model(name)
						.maxTokens(this.settings.maxTokens())
						.maxRetries(0)
						.timeout(this.settings.timeout())
						.build())
					.build());
	}

	@Override
	public void close() {
		this.callers.close();
		this.client.close();
		this.asyncClient.close();
		this.okHttp.dispatcher().executorService().shutdown();
		this.okHttp.connectionPool().evictAll();
	}

	@Override
	public String toString() {
		return "Spring AI";
	}

}
