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

package io.github.deepseekstarter.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * The histograms of the GenAI conventions have the bucket boundaries the conventions give
 * ({@code docs/gen-ai/gen-ai-metrics.md} of v1.41), on a simple registry and in a
 * Prometheus scrape.
 */
@ExtendWith(BlockHoundInstalled.class)
class GenAiBucketsTests {

	private static final List<String> SECONDS = List.of("0.01", "0.02", "0.04", "0.08", "0.16", "0.32", "0.64", "1.28",
			"2.56", "5.12", "10.24", "20.48", "40.96", "81.92", "+Inf");

	private static final List<String> TOKENS = List.of("1.0", "4.0", "16.0", "64.0", "256.0", "1024.0", "4096.0",
			"16384.0", "65536.0", "262144.0", "1048576.0", "4194304.0", "1.6777216E7", "6.7108864E7", "+Inf");

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	@Test
	void prometheusScrapeShowsTheBucketsOfTheConventions() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		DeepSeekTemplate template = template(new MicrometerDeepSeekObserver(prometheus));
		template.chat(ChatCompletionRequest.of("hi")).block(TIMEOUT);
		template.chatStream(ChatCompletionRequest.of("hi")).blockLast(TIMEOUT);
		String scrape = prometheus.scrape();
		assertThat(buckets(scrape, "gen_ai_client_operation_duration_seconds_bucket", "outcome=\"success\""))
			.isEqualTo(SECONDS);
		assertThat(buckets(scrape, "gen_ai_client_operation_time_to_first_chunk_seconds_bucket", ""))
			.isEqualTo(SECONDS);
		assertThat(buckets(scrape, "gen_ai_client_token_usage_tokens_bucket", "gen_ai_token_type=\"input\""))
			.isEqualTo(TOKENS);
		assertThat(buckets(scrape, "gen_ai_client_token_usage_tokens_bucket", "gen_ai_token_type=\"output\""))
			.isEqualTo(TOKENS);
	}

	@Test
	void simpleRegistryHistogramsHaveExactlyTheBoundariesOfTheConventions() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		template(new MicrometerDeepSeekObserver(meters)).chatStream(ChatCompletionRequest.of("hi")).blockLast(TIMEOUT);
		double[] seconds = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92 };
		double[] tokens = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864 };
		Timer duration = meters.get(DeepSeekMeterNames.OPERATION_DURATION).timer();
		assertThat(boundaries(duration.takeSnapshot().histogramCounts(), true)).containsExactly(seconds);
		Timer firstChunk = meters.get(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK).timer();
		assertThat(boundaries(firstChunk.takeSnapshot().histogramCounts(), true)).containsExactly(seconds);
		for (DistributionSummary usage : meters.get(DeepSeekMeterNames.TOKEN_USAGE).summaries()) {
			assertThat(boundaries(usage.takeSnapshot().histogramCounts(), false)).containsExactly(tokens);
		}
	}

	private static double[] boundaries(CountAtBucket[] counts, boolean seconds) {
		return Arrays.stream(counts)
			.mapToDouble((bucket) -> seconds ? bucket.bucket(TimeUnit.SECONDS) : bucket.bucket())
			.toArray();
	}

	private static List<String> buckets(String scrape, String series, String withLabel) {
		Pattern line = Pattern.compile("^" + Pattern.quote(series) + "\\{(.*)\\} .*$", Pattern.MULTILINE);
		Matcher matcher = line.matcher(scrape);
		String first = null;
		List<String> les = new ArrayList<>();
		while (matcher.find()) {
			String labels = matcher.group(1);
			String others = labels.replaceAll(",?le=\"[^\"]*\"", "");
			if (!labels.contains(withLabel) || (first != null && !first.equals(others))) {
				continue;
			}
			first = others;
			Matcher le = Pattern.compile("le=\"([^\"]*)\"").matcher(labels);
			if (le.find()) {
				les.add(le.group(1));
			}
		}
		return les;
	}

	private DeepSeekTemplate template(DeepSeekObserver observer) {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey()).observer(observer).build();
	}

}
