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

package io.github.deepseekstarter.langchain4j.autoconfigure;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jChatModel;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jSettings;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jStreamingChatModel;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DeepSeekLangChain4jAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekLangChain4jAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test", "deepseek.user-id.secret=test-secret-of-at-least-32-bytes");

	@Test
	void createsBothModelsOnTheTemplateWithItsDefaultModel() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekLangChain4jChatModel.class)
				.hasSingleBean(DeepSeekLangChain4jStreamingChatModel.class);
			assertThat(context.getBean(ChatModel.class).defaultRequestParameters().modelName())
				.isEqualTo(context.getBean(DeepSeekTemplate.class).defaultModel());
			assertThat(context.getBean(DeepSeekLangChain4jSettings.class).userIds()).isNotNull();
		});
	}

	@Test
	void mapsPropertiesOntoTheDefaultParameters() {
		this.contextRunner
			.withPropertyValues("deepseek.langchain4j.chat.model=deepseek-v4-pro",
					"deepseek.langchain4j.chat.thinking=false", "deepseek.langchain4j.chat.reasoning-effort=low",
					"deepseek.langchain4j.chat.temperature=0.4", "deepseek.langchain4j.chat.top-p=0.7",
					"deepseek.langchain4j.chat.max-tokens=100")
			.run((context) -> {
				DeepSeekLangChain4jSettings settings = context.getBean(DeepSeekLangChain4jSettings.class);
				assertThat(settings.defaultParameters().modelName()).isEqualTo("deepseek-v4-pro");
				assertThat(settings.defaultParameters().temperature()).isEqualTo(0.4);
				assertThat(settings.defaultParameters().topP()).isEqualTo(0.7);
				assertThat(settings.defaultParameters().maxOutputTokens()).isEqualTo(100);
				assertThat(settings.thinking()).isFalse();
				assertThat(settings.reasoningEffort()).isEqualTo("low");
			});
	}

	@Test
	void failsStartupNamingThePropertyOnAnUnknownReasoningEffort() {
		this.contextRunner.withPropertyValues("deepseek.langchain4j.chat.reasoning-effort=medium").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("deepseek.langchain4j.chat.reasoning-effort")
				.hasStackTraceContaining("medium");
		});
	}

	@Test
	void chatModelBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserChatModel.class)
			.run((context) -> assertThat(context).hasSingleBean(ChatModel.class)
				.doesNotHaveBean(DeepSeekLangChain4jChatModel.class)
				.hasSingleBean(DeepSeekLangChain4jStreamingChatModel.class));
	}

	@Test
	void streamingChatModelBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserStreamingChatModel.class)
			.run((context) -> assertThat(context).hasSingleBean(StreamingChatModel.class)
				.doesNotHaveBean(DeepSeekLangChain4jStreamingChatModel.class)
				.hasSingleBean(DeepSeekLangChain4jChatModel.class));
	}

	@Test
	void backsOffWithoutLangChain4j() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTemplate.class)
				.doesNotHaveBean(DeepSeekLangChain4jSettings.class));
	}

	@Test
	void backsOffWithoutTemplate() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekLangChain4jAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(StreamingChatModel.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("deepseek.langchain4j.chat.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTemplate.class)
				.doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(StreamingChatModel.class));
	}

	@Test
	void givesTheListenerBeansToBothModels() {
		this.contextRunner.withBean(ChatModelListener.class, () -> new ChatModelListener() {
		}).run((context) -> {
			ChatModelListener listener = context.getBean(ChatModelListener.class);
			assertThat(context.getBean(ChatModel.class).listeners()).containsExactly(listener);
			assertThat(context.getBean(StreamingChatModel.class).listeners()).containsExactly(listener);
		});
	}

	@Test
	void usesTheUsersSettings() {
		this.contextRunner.withUserConfiguration(UserSettings.class)
			.run((context) -> assertThat(context.getBean(DeepSeekLangChain4jSettings.class).reasoningEffort())
				.isEqualTo("max"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChatModel {

		@Bean
		ChatModel userChatModel() {
			return new ChatModel() {

				@Override
				public ChatResponse doChat(ChatRequest chatRequest) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStreamingChatModel {

		@Bean
		StreamingChatModel userStreamingChatModel() {
			return new StreamingChatModel() {

				@Override
				public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
					handler.onError(new UnsupportedOperationException());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSettings {

		@Bean
		DeepSeekLangChain4jSettings userSettings() {
			DeepSeekLangChain4jSettings defaults = DeepSeekLangChain4jSettings.defaults();
			return new DeepSeekLangChain4jSettings(defaults.defaultParameters(), null, "max", null, List.of());
		}

	}

}
