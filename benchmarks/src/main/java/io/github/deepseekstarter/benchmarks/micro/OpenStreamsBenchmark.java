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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What one read of a stream costs while thousands of streams are open, as in the load
 * harness's streams workload, with the network taken out. Each operation delivers the
 * next read of the next stream in turn, so every read meets its stream's operators cold
 * and the heap holds every open stream, as a server's does; a stream's last read ends it
 * and opens the next in its place, so a stream's own costs (its request, its permit, its
 * subscription) are in the figure, spread over its reads. A stream is four keep-alive
 * comments, the emulator's sixteen chunks and {@code [DONE]}: 21 reads.
 * <p>
 * {@code webClient} is the template's WebClient alone, releasing the answer's bytes
 * unread (the load harness's second floor); {@code template} is the template as the
 * harness builds it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
// The harness's heap for its streams.
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class OpenStreamsBenchmark {

	private static final URI BASE_URL = URI.create("http://127.0.0.1:1");

	private static final byte[] PREPARED_BODY = ("{\"model\":\"deepseek-v4-flash\",\"messages\":[{\"role\":\"user\","
			+ "\"content\":\"Say hello\"}],\"max_tokens\":16,\"stream\":true}")
		.getBytes(StandardCharsets.UTF_8);

	/** Streams open at once. */
	@Param({ "2000" })
	public int streams;

	/** The client that reads them. */
	@Param({ "webClient", "template" })
	public String client;

	private final List<byte[]> reads = new ArrayList<>();

	private final SinkConnector connector = new SinkConnector();

	private OpenStream[] open = new OpenStream[0];

	private int next;

	/**
	 * Opens every stream.
	 */
	@Setup(Level.Trial)
	public void open() {
		for (int i = 0; i < 4; i++) {
			this.reads.add(EmulatorAnswers.bytes(EmulatorAnswers.KEEP_ALIVE));
		}
		this.reads.addAll(EmulatorAnswers.streamReads());
		WebClient webClient = DeepSeekConnector
			.configure(WebClient.builder(), BASE_URL, "sk-benchmark", ConnectionProvider.newConnection(), timeouts())
			.clientConnector(this.connector)
			.build();
		boolean template = "template".equals(this.client);
		Supplier<Flux<?>> opener = template ? template(webClient) : bytesOnly(webClient);
		// The template's chunks, or every read the WebClient alone releases.
		int elements = template ? EmulatorAnswers.streamReads().size() - 1 : this.reads.size();
		this.open = new OpenStream[this.streams];
		for (int i = 0; i < this.streams; i++) {
			this.open[i] = new OpenStream(opener, this.connector, this.reads, elements);
			this.open[i].start();
		}
	}

	/**
	 * Checks that every stream ended as it should, then ends the open ones.
	 */
	@TearDown(Level.Trial)
	public void close() {
		for (OpenStream stream : this.open) {
			stream.end();
		}
	}

	/**
	 * Streams that ended after their last read with every element they should have.
	 * @return the number of streams
	 */
	long completed() {
		long completed = 0;
		for (OpenStream stream : this.open) {
			completed += stream.completedStreams;
		}
		return completed;
	}

	/**
	 * Delivers the next read of the next stream.
	 */
	@Benchmark
	public void read() {
		OpenStream stream = this.open[this.next];
		this.next = (this.next + 1 == this.open.length) ? 0 : this.next + 1;
		stream.read();
	}

	private static Supplier<Flux<?>> bytesOnly(WebClient webClient) {
		return () -> webClient.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromValue(PREPARED_BODY))
			.exchangeToFlux((response) -> response.bodyToFlux(DataBuffer.class).doOnNext(DataBufferUtils::release));
	}

	private static Supplier<Flux<?>> template(WebClient webClient) {
		RetrySettings once = new RetrySettings(1, RetrySettings.DEFAULTS.initialBackoff(),
				RetrySettings.DEFAULTS.multiplier(), RetrySettings.DEFAULTS.maxBackoff(),
				RetrySettings.DEFAULTS.maxRetryAfter());
		DeepSeekTemplate template = DeepSeekTemplate.builder(webClient)
			.timeouts(timeouts())
			.retry(new DeepSeekRetryPolicy(once))
			.observer(DeepSeekObserver.NONE)
			.limiter(new DeepSeekLimiter(LimiterConfig.builder()
				.modelLimit(LimiterConfig.FLASH, 2500)
				.modelLimit(LimiterConfig.PRO, 500)
				.build(), BulkheadAccountPermits.factory(), LimiterListener.NONE))
			.build();
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("deepseek-v4-flash")
			.message(ChatMessage.user("Say hello"))
			.maxTokens(16)
			.build();
		return () -> template.chatStream(request);
	}

	private static DeepSeekTimeouts timeouts() {
		return new DeepSeekTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));
	}

	/**
	 * One open stream: the body of its connection, the reads delivered so far, and the
	 * subscriber that reads the client's elements.
	 */
	private static final class OpenStream {

		private final Supplier<Flux<?>> opener;

		private final SinkConnector connector;

		private final List<byte[]> reads;

		private final int elements;

		private Sinks.@Nullable Many<DataBuffer> body;

		private int delivered;

		private int received;

		private boolean completed;

		private long completedStreams;

		private @Nullable Throwable failure;

		private @Nullable Subscription subscription;

		private OpenStream(Supplier<Flux<?>> opener, SinkConnector connector, List<byte[]> reads, int elements) {
			this.opener = opener;
			this.connector = connector;
			this.reads = reads;
			this.elements = elements;
		}

		void start() {
			this.delivered = 0;
			this.received = 0;
			this.completed = false;
			this.opener.get().subscribe(new Reader(this));
			// Everything up to the connection runs in the subscribing thread.
			this.body = this.connector.take();
		}

		void read() {
			Sinks.Many<DataBuffer> body = this.body;
			body.emitNext(DefaultDataBufferFactory.sharedInstance.wrap(this.reads.get(this.delivered++)),
					Sinks.EmitFailureHandler.FAIL_FAST);
			if (this.delivered == this.reads.size()) {
				body.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
				if (this.failure != null || !this.completed || this.received != this.elements) {
					throw new IllegalStateException("A stream ended with " + this.received + " of " + this.elements
							+ " elements, completed: " + this.completed, this.failure);
				}
				this.completedStreams++;
				start();
			}
		}

		void end() {
			if (this.failure != null) {
				throw new IllegalStateException("A stream failed", this.failure);
			}
			Subscription subscription = this.subscription;
			if (subscription != null) {
				subscription.cancel();
			}
		}

	}

	private static final class Reader extends BaseSubscriber<Object> {

		private final OpenStream stream;

		Reader(OpenStream stream) {
			this.stream = stream;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			this.stream.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		protected void hookOnNext(Object element) {
			this.stream.received++;
		}

		@Override
		protected void hookOnComplete() {
			this.stream.completed = true;
		}

		@Override
		protected void hookOnError(Throwable failure) {
			this.stream.failure = failure;
		}

	}

	/**
	 * Answers each request with a stream whose reads the benchmark delivers.
	 */
	private static final class SinkConnector implements ClientHttpConnector {

		private final HttpHeaders headers;

		private Sinks.@Nullable Many<DataBuffer> connected;

		SinkConnector() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.TEXT_EVENT_STREAM);
			this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		}

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			return requestCallback.apply(new InMemoryConnector.Request(method, uri)).then(Mono.fromSupplier(() -> {
				Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
				this.connected = body;
				return new InMemoryConnector.Response(this.headers, body.asFlux());
			}));
		}

		Sinks.Many<DataBuffer> take() {
			Sinks.Many<DataBuffer> body = this.connected;
			if (body == null) {
				throw new IllegalStateException("The stream did not connect in the subscribing thread");
			}
			this.connected = null;
			return body;
		}

	}

}
