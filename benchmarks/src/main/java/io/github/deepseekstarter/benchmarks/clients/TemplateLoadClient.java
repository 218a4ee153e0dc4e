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

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerDeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerLimiterListener;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@link DeepSeekTemplate} built the way an application outside Spring Boot builds it: a
 * dedicated pool from {@link DeepSeekConnector}, a web client on it and the template's
 * builder, with retries off and its lanes set to the account's limits, as an
 * application's configuration sets them.
 */
public final class TemplateLoadClient implements LoadClient {

	private final ConnectionProvider connections;

	private final DeepSeekTemplate template;

	private final ChatCompletionRequest request;

	/**
	 * Creates the client, without an observer, as {@code DeepSeekTemplate.builder} builds
	 * it by default.
	 * @param settings the shared settings
	 */
	public TemplateLoadClient(ClientSettings settings) {
		this(settings, DeepSeekObserver.NONE, LimiterListener.NONE);
	}

	/**
	 * Creates the client with the starter's Micrometer meters of calls and lanes in a
	 * {@link SimpleMeterRegistry}, as an application with metrics runs it.
	 * @param settings the shared settings
	 * @return the client
	 */
	public static TemplateLoadClient withMeters(ClientSettings settings) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return new TemplateLoadClient(settings, new MicrometerDeepSeekObserver(meters),
				new MicrometerLimiterListener(meters));
	}

	private TemplateLoadClient(ClientSettings settings, DeepSeekObserver observer, LimiterListener listener) {
		StarterTransport transport = StarterTransport.of(settings);
		this.connections = transport.connections();
		// One attempt per call, as for every client here, so each server 429 is counted
		// once.
		RetrySettings once = new RetrySettings(1, RetrySettings.DEFAULTS.initialBackoff(),
				RetrySettings.DEFAULTS.multiplier(), RetrySettings.DEFAULTS.maxBackoff(),
				RetrySettings.DEFAULTS.maxRetryAfter());
		this.template = DeepSeekTemplate.builder(transport.webClient())
			.timeouts(transport.timeouts())
			.retry(new DeepSeekRetryPolicy(once))
			.observer(observer)
			.limiter(new DeepSeekLimiter(LimiterConfig.builder()
				.modelLimit(LimiterConfig.FLASH, settings.flashLimit())
				.modelLimit(LimiterConfig.PRO, settings.proLimit())
				.build(), BulkheadAccountPermits.factory(), listener))
			.build();
		this.request = ChatCompletionRequest.builder()
			.message(ChatMessage.user(settings.prompt()))
			.maxTokens(settings.maxTokens())
			.build();
	}

	@Override
	public Mono<Void> complete(String model) {
		return this.template.chat(this.request.withModel(model)).then();
	}

	@Override
	public Mono<Void> stream(String model) {
		return this.template.chatStream(this.request.withModel(model)).then();
	}

	/**
	 * The template, for clients layered on it.
	 * @return the template
	 */
	DeepSeekTemplate template() {
		return this.template;
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

	@Override
	public String toString() {
		return "DeepSeekTemplate";
	}

}
