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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.protocol.KeepAliveAwareDecoder;
import io.github.deepseekstarter.protocol.ResponseProgress;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Decoding cost of DeepSeek response bodies: a stream of keep-alive comments followed by
 * chunks and {@code [DONE]}, and a JSON body preceded by blank lines, both cut into
 * network-sized reads that split lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {

	private static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
			+ "\"model\":\"deepseek-v4-flash\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token\"},"
			+ "\"finish_reason\":null}]}\n\n";

	private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
			+ "\"model\":\"deepseek-v4-flash\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
			+ "\"content\":\"Hello there, how can I help?\"},\"finish_reason\":\"stop\"}],"
			+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":8,\"total_tokens\":13}}";

	/** Keep-alives sent while the request waits in DeepSeek's queue. */
	@Param({ "0", "20" })
	public int keepAlives;

	/** Chunks of the streamed answer. */
	@Param({ "50" })
	public int chunks;

	/** Size of each network read, in bytes. */
	@Param({ "256" })
	public int readSize;

	private List<byte[]> streamReads = List.of();

	private List<byte[]> jsonReads = List.of();

	/**
	 * Builds the response bodies once; each invocation wraps them in fresh buffers.
	 */
	@Setup
	public void prepare() {
		StringBuilder stream = new StringBuilder();
		stream.append(": keep-alive\n\n".repeat(this.keepAlives));
		stream.append(CHUNK.repeat(this.chunks));
		stream.append("data: [DONE]\n\n");
		this.streamReads = split(stream.toString());
		this.jsonReads = split("\n".repeat(this.keepAlives) + COMPLETION);
	}

	/**
	 * Decodes a streamed answer into its events.
	 * @return the number of events, so that the work is not eliminated
	 */
	@Benchmark
	public long streamEvents() {
		ResponseProgress progress = new ResponseProgress();
		List<ServerSentEvent> events = KeepAliveAwareDecoder.events(buffers(this.streamReads), progress)
			.collectList()
			.block();
		return events.size() + progress.keepAlives();
	}

	/**
	 * Decodes a non-streamed answer preceded by blank keep-alive lines.
	 * @return the length of the JSON text
	 */
	@Benchmark
	public int jsonBody() {
		String json = KeepAliveAwareDecoder.json(buffers(this.jsonReads), new ResponseProgress()).block();
		return (json != null) ? json.length() : 0;
	}

	private List<byte[]> split(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<byte[]> reads = new ArrayList<>();
		for (int start = 0; start < bytes.length; start += this.readSize) {
			int end = Math.min(bytes.length, start + this.readSize);
			byte[] read = new byte[end - start];
			System.arraycopy(bytes, start, read, 0, read.length);
			reads.add(read);
		}
		return reads;
	}

	private static Flux<DataBuffer> buffers(List<byte[]> reads) {
		return Flux.fromIterable(reads).map(DefaultDataBufferFactory.sharedInstance::wrap);
	}

}
