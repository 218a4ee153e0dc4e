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

import java.util.Locale;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jChatModel;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jSettings;
import io.github.deepseekstarter.langchain4j.DeepSeekLangChain4jStreamingChatModel;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of LangChain4j's {@link ChatModel} and {@link StreamingChatModel} on
 * {@link DeepSeekTemplate}, when LangChain4j is on the classpath; each backs off when the
 * application defines a model of its kind. LangChain4j's Spring Boot integration and
 * {@code AiServices} take them as any other model beans.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(ChatModel.class)
@ConditionalOnBean(DeepSeekTemplate.class)
@ConditionalOnProperty(name = "deepseek.langchain4j.chat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeepSeekLangChain4jProperties.class)
public final class DeepSeekLangChain4jAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeepSeekLangChain4jSettings deepSeekLangChain4jSettings(DeepSeekTemplate template,
			DeepSeekLangChain4jProperties properties, ObjectProvider<UserIdResolution> userIds,
			ObjectProvider<ChatModelListener> listeners) {
		ChatRequestParameters parameters = DefaultChatRequestParameters.builder()
			.modelName((properties.getModel() != null) ? properties.getModel() : template.defaultModel())
			.temperature(properties.getTemperature())
			.topP(properties.getTopP())
			.maxOutputTokens(properties.getMaxTokens())
			.build();
		String effort = (properties.getReasoningEffort() != null)
				? properties.getReasoningEffort().name().toLowerCase(Locale.ROOT) : null;
		return new DeepSeekLangChain4jSettings(parameters, properties.getThinking(), effort, userIds.getIfAvailable(),
				listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(ChatModel.class)
	DeepSeekLangChain4jChatModel deepSeekLangChain4jChatModel(DeepSeekTemplate template,
			DeepSeekLangChain4jSettings settings) {
		return new DeepSeekLangChain4jChatModel(template, settings);
	}

	@Bean
	@ConditionalOnMissingBean(StreamingChatModel.class)
	DeepSeekLangChain4jStreamingChatModel deepSeekLangChain4jStreamingChatModel(DeepSeekTemplate template,
			DeepSeekLangChain4jSettings settings) {
		return new DeepSeekLangChain4jStreamingChatModel(template, settings);
	}

}
