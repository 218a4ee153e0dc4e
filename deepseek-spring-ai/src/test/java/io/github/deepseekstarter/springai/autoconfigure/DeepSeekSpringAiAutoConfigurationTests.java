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

package io.github.deepseekstarter.springai.autoconfigure;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.springai.DeepSeekChatModel;
import io.github.deepseekstarter.springai.DeepSeekChatOptions;
import io.github.deepseekstarter.springai.DeepSeekTenantAdvisor;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DeepSeekSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class,
				DeepSeekSpringAiAutoConfiguration.class, DeepSeekChatClientAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test", "deepseek.user-id.secret=test-secret-of-at-least-32-bytes");

	@Test
	void createsChatModelOnTheTemplateWithItsDefaultModel() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekChatModel.class);
			DeepSeekChatOptions options = (DeepSeekChatOptions) context.getBean(ChatModel.class).getOptions();
			assertThat(options.getModel()).isEqualTo(context.getBean(DeepSeekTemplate.class).defaultModel());
			assertThat(options.getThinking()).isNull();
		});
	}

	@Test
	void mapsPropertiesOntoTheDefaultOptions() {
		this.contextRunner
			.withPropertyValues("deepseek.spring-ai.chat.model=deepseek-v4-pro",
					"deepseek.spring-ai.chat.thinking=false", "deepseek.spring-ai.chat.reasoning-effort=max",
					"deepseek.spring-ai.chat.temperature=0.3", "deepseek.spring-ai.chat.top-p=0.9",
					"deepseek.spring-ai.chat.max-tokens=512")
			.run((context) -> {
				DeepSeekChatOptions options = (DeepSeekChatOptions) context.getBean(ChatModel.class).getOptions();
				assertThat(options.getModel()).isEqualTo("deepseek-v4-pro");
				assertThat(options.getThinking()).isFalse();
				assertThat(options.getReasoningEffort()).isEqualTo(DeepSeekChatOptions.ReasoningEffort.MAX);
				assertThat(options.getTemperature()).isEqualTo(0.3);
				assertThat(options.getTopP()).isEqualTo(0.9);
				assertThat(options.getMaxTokens()).isEqualTo(512);
			});
	}

	@Test
	void failsStartupNamingThePropertyOnAnUnknownReasoningEffort() {
		this.contextRunner.withPropertyValues("deepseek.spring-ai.chat.reasoning-effort=medium").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("medium");
			assertThat(context.getStartupFailure()).hasStackTraceContaining("deepseek.spring-ai.chat.reasoning-effort");
		});
	}

	@Test
	void backsOffWhenUserDefinesChatModel() {
		this.contextRunner.withUserConfiguration(UserChatModel.class).run((context) -> {
			assertThat(context).hasSingleBean(ChatModel.class).doesNotHaveBean(DeepSeekChatModel.class);
			assertThat(context).doesNotHaveBean(DeepSeekTenantAdvisor.class);
		});
	}

	@Test
	void backsOffWithoutSpringAiModelApi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTemplate.class)
				.doesNotHaveBean(DeepSeekChatModel.class)
				.doesNotHaveBean(DeepSeekTenantAdvisor.class));
	}

	@Test
	void backsOffWithoutTemplate() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekSpringAiAutoConfiguration.class,
					DeepSeekChatClientAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(DeepSeekTenantAdvisor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("deepseek.spring-ai.chat.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTemplate.class)
				.doesNotHaveBean(ChatModel.class)
				.doesNotHaveBean(DeepSeekTenantAdvisor.class));
	}

	@Test
	void addsTenantAdvisorToChatClientBuilders() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DeepSeekTenantAdvisor.class);
			assertThat(context).hasBean("deepSeekTenantChatClientCustomizer");
		});
	}

	@Test
	void addsNoTenantAdvisorWithoutChatClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ChatClient.class))
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekChatModel.class)
				.doesNotHaveBean(DeepSeekTenantAdvisor.class)
				.doesNotHaveBean(ChatClientCustomizer.class));
	}

	@Test
	void usesTheUsersTenantAdvisor() {
		this.contextRunner.withUserConfiguration(UserTenantAdvisor.class)
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekTenantAdvisor.class)
				.getBean(DeepSeekTenantAdvisor.class)
				.isSameAs(context.getBean(UserTenantAdvisor.class).advisor));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChatModel {

		@Bean
		ChatModel userChatModel() {
			return (Prompt prompt) -> new ChatResponse(java.util.List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTenantAdvisor {

		final DeepSeekTenantAdvisor advisor = new DeepSeekTenantAdvisor(
				new io.github.deepseekstarter.identity.UserIdResolution(
						io.github.deepseekstarter.identity.UserIdPolicy.raw(), java.util.List.of(),
						io.github.deepseekstarter.identity.AnonymousUserIdStrategy.none()));

		@Bean
		DeepSeekTenantAdvisor userTenantAdvisor() {
			return this.advisor;
		}

	}

}
