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
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.springai.DeepSeekChatModel;
import io.github.deepseekstarter.springai.DeepSeekChatOptions;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Spring AI's {@link ChatModel} on {@link DeepSeekTemplate}, when
 * Spring AI's model API is on the classpath and the application defines no chat model of
 * its own. With Spring AI's {@code ChatClient} present, a customizer adds the
 * {@link io.github.deepseekstarter.springai.DeepSeekTenantAdvisor} to every
 * auto-configured {@code ChatClient.Builder}.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class,
		beforeName = DeepSeekSpringAiAutoConfiguration.CHAT_CLIENT_AUTO_CONFIGURATION)
@ConditionalOnClass(ChatModel.class)
@ConditionalOnBean(DeepSeekTemplate.class)
@ConditionalOnProperty(name = "deepseek.spring-ai.chat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeepSeekSpringAiProperties.class)
public final class DeepSeekSpringAiAutoConfiguration {

	static final String CHAT_CLIENT_AUTO_CONFIGURATION = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration";

	@Bean
	@ConditionalOnMissingBean(ChatModel.class)
	DeepSeekChatModel deepSeekChatModel(DeepSeekTemplate template, DeepSeekSpringAiProperties properties,
			ObjectProvider<UserIdResolution> userIds) {
		DeepSeekChatOptions options = DeepSeekChatOptions.builder()
			.model((properties.getModel() != null) ? properties.getModel() : template.defaultModel())
			.temperature(properties.getTemperature())
			.topP(properties.getTopP())
			.maxTokens(properties.getMaxTokens())
			.thinking(properties.getThinking())
			.reasoningEffort(properties.getReasoningEffort())
			.build();
		return new DeepSeekChatModel(template, options, userIds.getIfAvailable());
	}

}
