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

package io.github.deepseekstarter.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import io.github.deepseekstarter.benchmarks.load.WindowProfile.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's profile of a measured window: which component a sample is charged to, and
 * a run that writes a recording per client and a table of them.
 */
class WindowProfileTests {

	@Test
	void aSampleIsChargedToItsInnermostFrameThatIsNotTheJdksOrJacksons() {
		assertThat(Component.of("tools.jackson.core.json.UTF8JsonGenerator.writeString",
				"tools.jackson.databind.ObjectWriter.writeValueAsBytes",
				"io.github.deepseekstarter.client.OpenAiAdapter.body",
				"io.github.deepseekstarter.client.CallPipeline.lambda$call$0"))
			.isEqualTo(Component.JSON_WRITING);
		assertThat(Component.of("java.lang.String.hashCode", "tools.jackson.core.sym.ByteQuadsCanonicalizer.findName",
				"io.github.deepseekstarter.protocol.OpenAiResponseDeserializer.usage",
				"io.github.deepseekstarter.client.WireJson.read",
				"io.github.deepseekstarter.client.CallPipeline.complete"))
			.isEqualTo(Component.JSON_READING);
		assertThat(Component.of("java.util.HashMap.get", "io.github.deepseekstarter.limit.ModelLane.grantAtOnce",
				"reactor.core.publisher.MonoUsingWhen.subscribe"))
			.isEqualTo(Component.LANES);
		assertThat(Component.of("java.lang.String.hashCode", "org.springframework.util.LinkedCaseInsensitiveMap.put",
				"io.github.deepseekstarter.client.DeepSeekExchange.postForJson"))
			.isEqualTo(Component.WEBCLIENT);
		assertThat(Component.of("io.github.deepseekstarter.protocol.openai.ChatCompletionRequest.model",
				"io.github.deepseekstarter.client.OpenAiAdapter.body"))
			.isEqualTo(Component.JSON_WRITING);
	}

	@Test
	void anOperatorIsChargedOnlyWhereItIsTheInnermostFrame() {
		// The decoder calls every operator downstream of it: only its own frames are its.
		assertThat(Component.of("reactor.core.publisher.FluxHandle$HandleSubscriber.onNext",
				"io.github.deepseekstarter.protocol.KeepAliveAwareDecoder$EventSubscriber.onNext"))
			.isEqualTo(Component.REACTOR);
		assertThat(Component.of("io.github.deepseekstarter.protocol.LineSplitter.split",
				"reactor.core.publisher.FluxMap$MapSubscriber.onNext"))
			.isEqualTo(Component.DECODING);
		assertThat(Component.of("io.netty.buffer.AbstractByteBuf.writeBytes")).isEqualTo(Component.NETTY);
		assertThat(Component.of("io.github.deepseekstarter.client.CallPipeline.complete")).isEqualTo(Component.STARTER);
		assertThat(Component.of("io.github.deepseekstarter.benchmarks.load.WorkloadRunner.drive",
				"reactor.core.publisher.Flux.range"))
			.isEqualTo(Component.OTHER);
		assertThat(Component.of("java.lang.Thread.run")).isEqualTo(Component.JDK);
		assertThat(Component.of()).isEqualTo(Component.OTHER);
	}

	@Test
	void aProfiledRunWritesARecordingPerClientAndTablesThem(@TempDir Path directory) throws IOException {
		HarnessOptions options = HarnessOptions.parse("--clients=raw,template", "--workloads=throughput",
				"--requests=3000", "--warmup=0", "--concurrency=16", "--fork=false", "--profile=" + directory);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<RunResult> results = LoadHarness.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(results).allSatisfy((result) -> assertThat(result.errors()).isZero());
		Path template = options.profileOf(Workload.THROUGHPUT, ClientKind.TEMPLATE);
		assertThat(template).exists();
		assertThat(Files.exists(options.profileOf(Workload.THROUGHPUT, ClientKind.RAW))).isTrue();
		Map<Component, Long> samples = WindowProfile.read(template);
		assertThat(samples).containsOnlyKeys(Component.values());
		assertThat(samples.values().stream().mapToLong(Long::longValue).sum()).isPositive();
		String tables = out.toString(StandardCharsets.UTF_8);
		assertThat(tables).contains(Workload.THROUGHPUT.title() + ": sampled Java CPU, µs per call")
			.contains("| component | raw Reactor Netty (floor) | DeepSeekTemplate |")
			.contains("| JSON writing |")
			.contains("| all sampled |")
			.doesNotContain("n/a");
	}

}
