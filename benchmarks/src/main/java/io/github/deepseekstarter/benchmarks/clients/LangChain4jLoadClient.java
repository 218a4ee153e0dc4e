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

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import reactor.core.publisher.Mono;

/**
 * LangChain4j's OpenAI chat models: the blocking {@link OpenAiChatModel} on caller
 * threads and the callback-based {@link OpenAiStreamingChatModel}, each on its default
 * HTTP client (the JDK's), with retries off.
 */
public final class LangChain4jLoadClient implements LoadClient {

	private final ClientSettings settings;

	private final CallerThreads callers;

	private final ConcurrentHashMap<String, OpenAiChatModel> models = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, OpenAiStreamingChatModel> streamingModels = new ConcurrentHashMap<>();

	/**
	 * Creates the client.
	 * @param settings the shared settings
	 */
	public LangChain4jLoadClient(ClientSettings settings) {
		this.settings = settings;
		this.callers = new CallerThreads("langchain4j", settings.maxConcurrency());
	}

	@Override
	public Mono<Void> complete(String model) {
		OpenAiChatModel chatModel = this.models.computeIfAbsent(model,
				(name) -> OpenAiChatModel.builder()
					.baseUrl(this.settings.baseUrlText())
					.apiKey(this.settings.apiKey())
					.modelName(name)
					.maxTokens(this.settings.maxTokens())
					.maxRetries(0)
					.timeout(this.settings.timeout())
					.build());
		return this.callers.call(() -> chatModel.chat(this.settings.prompt()));
	}

	@Override
	public Mono<Void> stream(String model) {
		OpenAiStreamingChatModel chatModel = this.streamingModels.computeIfAbsent(model,
				(name) -> OpenAiStreamingChatModel.builder()
					.baseUrl(this.settings.baseUrlText())
					.apiKey(this.settings.apiKey())
					.modelName(name)
					.maxTokens(this.settings.maxTokens())
					.timeout(this.settings.timeout())
					.build());
		return Mono.create((sink) -> chatModel.chat(this.settings.prompt(), new StreamingChatResponseHandler() {

			@Override
			public void onCompleteResponse(ChatResponse response) {
				sink.success();
			}

			@Override
			public void onError(Throwable error) {
				sink.error(error);
			}

		}));
	}

	@Override
	public void close() {
		this.callers.close();
	}

	@Override
	public String toString() {
		return "LangChain4j";
	}

}
