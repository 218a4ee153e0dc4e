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

package io.github.deepseekstarter.langchain4j;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.autoconfigure.DeepSeekSecurityAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.langchain4j.autoconfigure.DeepSeekLangChain4jAutoConfiguration;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's {@code AiServices} with a tool, end to end against the emulator, blocking
 * and streaming: the tool runs, the final answer arrives, every turn carries the
 * signed-in tenant's {@code user_id} and the thinking of the tool turn, and each turn
 * takes one lane permit that is back before the tool runs.
 */
class AiServicesToolLoopTests {

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
					DeepSeekSecurityAutoConfiguration.class, DeepSeekLangChain4jAutoConfiguration.class))
			.withUserConfiguration(LaneCounting.class)
			.withPropertyValues("deepseek.base-url=" + this.emulator.baseUrl(),
					"deepseek.api-key=" + this.emulator.apiKey(),
					"deepseek.user-id.secret=test-secret-of-at-least-32-bytes", "deepseek.retry.max-attempts=1");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("globex", "n/a", List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void blockingAiServiceRunsTheToolLoopWithOnePermitPerTurn() {
		this.contextRunner.run((context) -> {
			WeatherTool tool = new WeatherTool(context.getBean(DeepSeekTemplate.class));
			Assistant assistant = AiServices.builder(Assistant.class)
				.chatModel(context.getBean(ChatModel.class))
				.tools(tool)
				.build();

			String answer = assistant.chat("weather in Lima");

			assertThat(answer).isEqualTo("Tool results: sunny");
			assertToolLoop(context, tool, false);
		});
	}

	@Test
	void streamingAiServiceRunsTheToolLoopWithOnePermitPerTurn() {
		this.contextRunner.run((context) -> {
			WeatherTool tool = new WeatherTool(context.getBean(DeepSeekTemplate.class));
			StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
				.streamingChatModel(context.getBean(StreamingChatModel.class))
				.tools(tool)
				.build();
			List<String> partials = new CopyOnWriteArrayList<>();
			CompletableFuture<ChatResponse> done = new CompletableFuture<>();

			assistant.chat("weather in Lima")
				.onPartialResponse(partials::add)
				.onCompleteResponse(done::complete)
				.onError(done::completeExceptionally)
				.start();

			assertThat(done).succeedsWithin(Duration.ofSeconds(30))
				.extracting((response) -> response.aiMessage().text())
				.isEqualTo("Tool results: sunny");
			assertThat(String.join("", partials)).endsWith("Tool results: sunny");
			assertToolLoop(context, tool, true);
		});
	}

	private void assertToolLoop(AssertableApplicationContext context, WeatherTool tool, boolean streamed) {
		List<RecordedRequest> turns = this.emulator.requests()
			.stream()
			.filter((request) -> request.path().endsWith("/chat/completions"))
			.toList();
		String tenant = context.getBean(UserIdPolicy.class).toUserId("globex");
		LaneCounting lanes = context.getBean(LaneCounting.class);

		assertThat(tool.cities).containsExactly("weather in Lima");
		assertThat(tool.permitsInUseWhileRunning).containsExactly(0);
		assertThat(turns).hasSize(2);
		assertThat(turns).extracting(RecordedRequest::userId).containsOnly(tenant);
		assertThat(turns).extracting(RecordedRequest::stream).containsOnly(streamed);
		assertThat(lanes.admitted).hasValue(2);
		assertThat(lanes.released).hasValue(2);
		JsonNode toolTurn = turns.get(1).json().path("messages").get(1);
		assertThat(toolTurn.path("reasoning_content").asString()).isEqualTo("Thinking about: weather in Lima");
		assertThat(toolTurn.path("tool_calls").get(0).path("function").path("name").asString())
			.isEqualTo("currentWeather");
	}

	interface Assistant {

		String chat(String message);

	}

	interface StreamingAssistant {

		TokenStream chat(String message);

	}

	static class WeatherTool {

		private final DeepSeekTemplate template;

		final List<Integer> permitsInUseWhileRunning = new CopyOnWriteArrayList<>();

		final List<String> cities = new CopyOnWriteArrayList<>();

		WeatherTool(DeepSeekTemplate template) {
			this.template = template;
		}

		@Tool("The current weather of a city")
		String currentWeather(@P("the city") String city) {
			this.cities.add(city);
			String lane = this.template.limiter().laneOf(this.template.defaultModel());
			this.permitsInUseWhileRunning.add(this.template.limiter().snapshot(lane).inUse());
			return "sunny";
		}

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
