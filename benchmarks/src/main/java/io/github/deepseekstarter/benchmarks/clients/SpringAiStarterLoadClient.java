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

import io.github.deepseekstarter.springai.DeepSeekChatModel;
import io.github.deepseekstarter.springai.DeepSeekChatOptions;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI's {@code ChatModel} of the {@code deepseek-spring-ai} module, on the same
 * {@code DeepSeekTemplate} as {@link TemplateLoadClient}: {@code call} on caller threads
 * as Spring AI's own model is used, {@code stream} as its {@code Flux}. Side by side with
 * {@link SpringAiLoadClient} it shows what the adapter costs over the template, and what
 * the template saves under Spring AI's API.
 */
public final class SpringAiStarterLoadClient implements LoadClient {

	private final ClientSettings settings;

	private final TemplateLoadClient template;

	private final DeepSeekChatModel chatModel;

	private final CallerThreads callers;

	/**
	 * Creates the client.
	 * @param settings the shared settings
	 */
	public SpringAiStarterLoadClient(ClientSettings settings) {
		this.settings = settings;
		this.template = new TemplateLoadClient(settings);
		this.chatModel = new DeepSeekChatModel(this.template.template(),
				DeepSeekChatOptions.builder().maxTokens(settings.maxTokens()).build(), null);
		this.callers = new CallerThreads("spring-ai-starter", settings.maxConcurrency());
	}

	@Override
	public Mono<Void> complete(String model) {
		Prompt prompt = prompt(model);
		return this.callers.call(() -> this.chatModel.call(prompt));
	}

	@Override
	public Mono<Void> stream(String model) {
		return this.chatModel.stream(prompt(model)).then();
	}

	private Prompt prompt(String model) {
		return new Prompt(this.settings.prompt(),
				DeepSeekChatOptions.builder().model(model).maxTokens(this.settings.maxTokens()).build());
	}

	@Override
	public void close() {
		this.callers.close();
		this.template.close();
	}

	@Override
	public String toString() {
		return "Spring AI DeepSeekChatModel (starter)";
	}

}
