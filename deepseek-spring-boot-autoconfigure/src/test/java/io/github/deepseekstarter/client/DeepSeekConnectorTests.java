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

package io.github.deepseekstarter.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the web client {@link DeepSeekConnector} configures: where its requests go and
 * what their bodies carry.
 */
class DeepSeekConnectorTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	@Test
	void pathsExpandAgainstTheBaseUrlOnceAndTemplatesWithVariablesEveryTime() {
		BaseUrlUriBuilderFactory factory = new BaseUrlUriBuilderFactory(URI.create("https://api.example.test/base"));
		URI first = factory.expand("/chat/completions");
		assertThat(first).hasToString("https://api.example.test/base/chat/completions");
		assertThat(factory.expand("/chat/completions")).isSameAs(first);
		assertThat(factory.expand("/chat/completions", Map.of())).isSameAs(first);
		assertThat(factory.expand("/models/{id}", "deepseek-v4-pro"))
			.hasToString("https://api.example.test/base/models/deepseek-v4-pro");
		assertThat(factory.expand("/models/{id}", Map.of("id", "a b")))
			.hasToString("https://api.example.test/base/models/a%20b");
		assertThat(factory.remembered()).isEqualTo(1);
		for (int i = 0; i < 2 * BaseUrlUriBuilderFactory.MAX_REMEMBERED; i++) {
			assertThat(factory.expand("/p" + i)).hasToString("https://api.example.test/base/p" + i);
		}
		assertThat(factory.remembered()).isEqualTo(BaseUrlUriBuilderFactory.MAX_REMEMBERED);
		UriBuilder remembered = factory.uriString("/chat/completions");
		assertThat(remembered.toUriString()).isEqualTo("https://api.example.test/base/chat/completions");
		assertThat(remembered.build()).isSameAs(first);
		// A builder that is changed is a builder of its own: the remembered path stays.
		assertThat(factory.uriString("/chat/completions").queryParam("beta", "true").build())
			.hasToString("https://api.example.test/base/chat/completions?beta=true");
		assertThat(factory.uriString("/models/{id}").build("x")).hasToString("https://api.example.test/base/models/x");
		assertThat(factory.uriString("/chat/completions").build()).isSameAs(first);
	}

	@Test
	void everyCallPostsItsJsonBodyWithItsLengthToThePathBelowTheBaseUrl() {
		DeepSeekEmulator emulator = this.extension.emulator();
		List<String> urls = new CopyOnWriteArrayList<>();
		ConnectionProvider pool = DeepSeekConnector.connectionProvider(10, 10, Duration.ofSeconds(5));
		try {
			WebClient webClient = DeepSeekConnector
				.configure(WebClient.builder(), URI.create(emulator.baseUrl()), emulator.apiKey(), pool,
						EmulatorTemplates.TIMEOUTS)
				.filter((request, next) -> {
					urls.add(request.url().toString());
					return next.exchange(request);
				})
				.build();
			DeepSeekTemplate template = DeepSeekTemplate.builder(webClient)
				.retry(new DeepSeekRetryPolicy(EmulatorTemplates.NO_RETRY))
				.build();
			for (int i = 0; i < 2; i++) {
				assertThat(template.chat(ChatCompletionRequest.of("ünïcødé " + i)).block(TIMEOUT).content())
					.isNotEmpty();
				assertThat(template.chatStream(ChatCompletionRequest.of("stream " + i)).collectList().block(TIMEOUT))
					.isNotEmpty();
			}
			assertThat(template.anthropic().messages(MessageRequest.of("hello")).block(TIMEOUT)).isNotNull();
			String base = emulator.baseUrl().replaceAll("/$", "");
			assertThat(urls).hasSize(5)
				.containsOnly(base + "/chat/completions", base + "/anthropic/v1/messages")
				.filteredOn((url) -> url.endsWith("/anthropic/v1/messages"))
				.hasSize(1);
			assertThat(emulator.requests()).hasSize(5).allSatisfy(DeepSeekConnectorTests::isJsonWithItsLength);
		}
		finally {
			pool.disposeLater().block(TIMEOUT);
		}
	}

	private static void isJsonWithItsLength(RecordedRequest request) {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("content-type")).isEqualTo("application/json");
		assertThat(request.header("content-length"))
			.isEqualTo(Integer.toString(request.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(request.body()).startsWith("{").endsWith("}");
	}

}
