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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerDeepSeekObserver;
import io.github.deepseekstarter.observability.MicrometerLimiterListener;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the template costs above its WebClient, with the network taken out: both post to a
 * connector that answers at once from memory with the bodies the emulator sends, the
 * WebClient alone releasing the answer's bytes unread (the load harness's second floor),
 * the template sending its typed request and reading its typed answer. The difference is
 * the template's own work per call: the JSON model both ways, the user id, the lanes, the
 * retry operator and the keep-alive aware decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The template's paths take 8 to 10 s of calls to compile on two cores: with three
// seconds of warm-up the measured iterations were still falling (67 to 20 us per call).
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TemplateCallBenchmark {

	private static final URI BASE_URL = URI.create("http://127.0.0.1:1");

	private static final byte[] PREPARED_BODY = ("{\"model\":\"deepseek-v4-flash\",\"messages\":[{\"role\":\"user\","
			+ "\"content\":\"Say hello\"}],\"max_tokens\":16,\"stream\":false}")
		.getBytes(StandardCharsets.UTF_8);

	private final ChatCompletionRequest request = ChatCompletionRequest.builder()
		.model("deepseek-v4-flash")
		.message(ChatMessage.user("Say hello"))
		.maxTokens(16)
		.build();

	// WebClient alone and the template on each connector, the template as the load
	// harness builds it.
	private final WebClient webClientForJson = webClient(new InMemoryConnector(MediaType.APPLICATION_JSON,
			List.of(EmulatorAnswers.bytes(EmulatorAnswers.COMPLETION))));

	private final WebClient webClientForEvents = webClient(
			new InMemoryConnector(MediaType.TEXT_EVENT_STREAM, EmulatorAnswers.streamReads()));

	private final DeepSeekTemplate templateForJson = template(this.webClientForJson, DeepSeekObserver.NONE);

	private final DeepSeekTemplate templateForEvents = template(this.webClientForEvents, DeepSeekObserver.NONE);

	// The same with the starter's meters of calls and lanes, as an application with
	// metrics runs it.
	private final DeepSeekTemplate meteredTemplateForJson = meteredTemplate(this.webClientForJson,
			new SimpleMeterRegistry());

	private final DeepSeekTemplate meteredTemplateForEvents = meteredTemplate(this.webClientForEvents,
			new SimpleMeterRegistry());

	/**
	 * The WebClient alone, a non-streamed call.
	 * @return the answer's signal
	 */
	@Benchmark
	public Object webClientCall() {
		return exchange(this.webClientForJson).block();
	}

	/**
	 * The template, a non-streamed call.
	 * @return the answer
	 */
	@Benchmark
	public ChatCompletion templateCall() {
		return this.templateForJson.chat(this.request).block();
	}

	/**
	 * The WebClient alone, a stream of the emulator's 16 events.
	 * @return the answer's signal
	 */
	@Benchmark
	public Object webClientStream() {
		return exchange(this.webClientForEvents).block();
	}

	/**
	 * The template, a stream of the emulator's 16 events.
	 * @return the number of chunks
	 */
	@Benchmark
	public Long templateStream() {
		return this.templateForEvents.chatStream(this.request).count().block();
	}

	/**
	 * The template with the starter's meters, a non-streamed call.
	 * @return the answer
	 */
	@Benchmark
	public ChatCompletion meteredTemplateCall() {
		return this.meteredTemplateForJson.chat(this.request).block();
	}

	/**
	 * The template with the starter's meters, a stream of the emulator's 16 events.
	 * @return the number of chunks
	 */
	@Benchmark
	public Long meteredTemplateStream() {
		return this.meteredTemplateForEvents.chatStream(this.request).count().block();
	}

	private static Mono<Void> exchange(WebClient webClient) {
		return webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromValue(PREPARED_BODY))
			.exchangeToMono(
					(response) -> response.bodyToFlux(DataBuffer.class).doOnNext(DataBufferUtils::release).then());
	}

	/**
	 * The template's WebClient as {@link DeepSeekConnector} configures it, on the
	 * in-memory connector instead of the pool's.
	 */
	private static WebClient webClient(InMemoryConnector connector) {
		return DeepSeekConnector
			.configure(WebClient.builder(), BASE_URL, "sk-benchmark", ConnectionProvider.newConnection(), timeouts())
			.clientConnector(connector)
			.build();
	}

	private static DeepSeekTemplate template(WebClient webClient, DeepSeekObserver observer) {
		return template(webClient, observer, LimiterListener.NONE);
	}

	private static DeepSeekTemplate meteredTemplate(WebClient webClient, MeterRegistry meters) {
		return template(webClient, new MicrometerDeepSeekObserver(meters), new MicrometerLimiterListener(meters));
	}

	private static DeepSeekTemplate template(WebClient webClient, DeepSeekObserver observer, LimiterListener listener) {
		RetrySettings once = new RetrySettings(1, RetrySettings.DEFAULTS.initialBackoff(),
				RetrySettings.DEFAULTS.multiplier(), RetrySettings.DEFAULTS.maxBackoff(),
				RetrySettings.DEFAULTS.maxRetryAfter());
		return DeepSeekTemplate.builder(webClient)
			.timeouts(timeouts())
			.retry(new DeepSeekRetryPolicy(once))
			.observer(observer)
			.limiter(new DeepSeekLimiter(LimiterConfig.builder()
				.modelLimit(LimiterConfig.FLASH, 2500)
				.modelLimit(LimiterConfig.PRO, 500)
				.build(), BulkheadAccountPermits.factory(), listener))
			.build();
	}

	private static DeepSeekTimeouts timeouts() {
		return new DeepSeekTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));
	}

}
