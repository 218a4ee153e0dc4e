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

package io.github.deepseekstarter.springai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.autoconfigure.DeepSeekSecurityAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.springai.autoconfigure.DeepSeekChatClientAutoConfiguration;
import io.github.deepseekstarter.springai.autoconfigure.DeepSeekSpringAiAutoConfiguration;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ChatClient}'s tool loop end to end against the emulator: the tool runs, the
 * final answer arrives, every turn carries the signed-in tenant's {@code user_id} and the
 * reasoning of the tool turn, and each turn takes one lane permit that is given back
 * before the tool runs.
 */
class ChatClientToolLoopTests {

	@RegisterExtension
	static final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private DeepSeekEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void pointAtEmulator() {
		this.emulator = extension.emulator();
		this.emulator.setDefaultReply(Reply.usingTools());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class,
					DeepSeekSecurityAutoConfiguration.class, DeepSeekSpringAiAutoConfiguration.class,
					DeepSeekChatClientAutoConfiguration.class, ChatClientAutoConfiguration.class))
			.withUserConfiguration(LaneCounting.class)
			.withPropertyValues("deepseek.base-url=" + this.emulator.baseUrl(),
					"deepseek.api-key=" + this.emulator.apiKey(),
					"deepseek.user-id.secret=test-secret-of-at-least-32-bytes", "deepseek.retry.max-attempts=1");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("acme", "n/a", List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void callRunsTheToolLoopWithOnePermitPerTurnAndTheTenantOnEveryTurn() {
		this.contextRunner.run((context) -> {
			WeatherTool tool = new WeatherTool(context.getBean(DeepSeekTemplate.class));

			String answer = chatClient(context).prompt().user("weather in Paris").tools(tool).call().content();

			assertThat(answer).isEqualTo("Tool results: \"sunny\"");
			assertToolLoop(context, tool, false);
		});
	}

	@Test
	void streamRunsTheToolLoopWithOnePermitPerTurnAndTheTenantOnEveryTurn() {
		this.contextRunner.run((context) -> {
			WeatherTool tool = new WeatherTool(context.getBean(DeepSeekTemplate.class));

			List<String> parts = chatClient(context).prompt()
				.user("weather in Paris")
				.tools(tool)
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(String.join("", parts)).isEqualTo("Tool results: \"sunny\"");
			assertToolLoop(context, tool, true);
		});
	}

	@Test
	void withThinkingOffNoReasoningIsSentBack() {
		this.contextRunner.withPropertyValues("deepseek.spring-ai.chat.thinking=false").run((context) -> {
			WeatherTool tool = new WeatherTool(context.getBean(DeepSeekTemplate.class));

			String answer = chatClient(context).prompt().user("weather in Oslo").tools(tool).call().content();

			assertThat(answer).isEqualTo("Tool results: \"sunny\"");
			List<RecordedRequest> turns = chatTurns();
			assertThat(turns).hasSize(2);
			assertThat(turns).allSatisfy(
					(turn) -> assertThat(turn.json().path("thinking").path("type").asString()).isEqualTo("disabled"));
			assertThat(assistantTurn(turns.get(1)).has("reasoning_content")).isFalse();
		});
	}

	private void assertToolLoop(AssertableApplicationContext context, WeatherTool tool, boolean streamed) {
		List<RecordedRequest> turns = chatTurns();
		String tenant = context.getBean(UserIdPolicy.class).toUserId("acme");
		LaneCounting lanes = context.getBean(LaneCounting.class);

		assertThat(tool.cities).containsExactly("weather in Paris");
		assertThat(tool.permitsInUseWhileRunning).containsExactly(0);
		assertThat(turns).hasSize(2);
		assertThat(turns).extracting(RecordedRequest::userId).containsOnly(tenant);
		assertThat(turns).extracting(RecordedRequest::stream).containsOnly(streamed);
		assertThat(lanes.admitted).hasValue(2);
		assertThat(lanes.released).hasValue(2);
		JsonNode toolTurn = assistantTurn(turns.get(1));
		assertThat(toolTurn.path("reasoning_content").asString()).isEqualTo("Thinking about: weather in Paris");
		assertThat(toolTurn.path("tool_calls").get(0).path("function").path("name").asString())
			.isEqualTo("currentWeather");
		assertThat(turns.get(1).json().path("messages").get(2).path("role").asString()).isEqualTo("tool");
	}

	private List<RecordedRequest> chatTurns() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.path().endsWith("/chat/completions"))
			.toList();
	}

	private static JsonNode assistantTurn(RecordedRequest request) {
		return request.json().path("messages").get(1);
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	// The configuration is the listener: the limiter takes every LimiterListener bean.
	@Configuration(proxyBeanMethods = false)
	static class LaneCounting implements LimiterListener {

		final AtomicInteger admitted = new AtomicInteger();

		final AtomicInteger released = new AtomicInteger();

		@Override
		public void onAdmitted(String lane, Admission admission, Duration waited) {
			this.admitted.incrementAndGet();
		}

		@Override
		public void onReleased(String lane, Admission admission) {
			this.released.incrementAndGet();
		}

	}

}
