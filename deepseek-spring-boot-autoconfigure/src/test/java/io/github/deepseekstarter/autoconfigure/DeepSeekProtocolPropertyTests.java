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

package io.github.deepseekstarter.autoconfigure;

import io.github.deepseekstarter.client.ChatRequest;
import io.github.deepseekstarter.client.DeepSeekProtocol;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Tests for {@code deepseek.protocol}: the wire format of the template's protocol-neutral
 * calls.
 */
class DeepSeekProtocolPropertyTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("deepseek.user-id.secret=test-secret-of-at-least-32-bytes");

	@Test
	void neutralCallsUseTheOpenAiFormatByDefault() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulatorRunner(emulator).run((context) -> {
			DeepSeekTemplate template = context.getBean(DeepSeekTemplate.class);
			assertThat(template.protocol()).isEqualTo(DeepSeekProtocol.OPENAI);
			assertThat(template.chat(ChatRequest.of("hi")).block(TIMEOUT).text()).isNotEmpty();
			assertThat(emulator.requests()).singleElement()
				.satisfies((request) -> assertThat(request.path()).isEqualTo("/chat/completions"));
		});
	}

	@Test
	void anthropicProtocolSendsNeutralCallsToTheAnthropicEndpoint() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulatorRunner(emulator).withPropertyValues("deepseek.protocol=anthropic").run((context) -> {
			DeepSeekTemplate template = context.getBean(DeepSeekTemplate.class);
			assertThat(template.chat(ChatRequest.of("hi")).block(TIMEOUT).text()).isNotEmpty();
			assertThat(template.chatStream(ChatRequest.of("hi")).collectList().block(TIMEOUT)).isNotEmpty();
			assertThat(emulator.requests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.path()).isEqualTo("/anthropic/v1/messages"));
		});
	}

	@Test
	void unknownProtocolFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.api-key=sk-test", "deepseek.protocol=grpc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(BindException.class.getName())
				.hasStackTraceContaining("Failed to bind properties under 'deepseek.protocol'"));
	}

	private ApplicationContextRunner emulatorRunner(DeepSeekEmulator emulator) {
		return this.contextRunner.withPropertyValues("deepseek.base-url=" + emulator.baseUrl(),
				"deepseek.api-key=" + emulator.apiKey());
	}

}
