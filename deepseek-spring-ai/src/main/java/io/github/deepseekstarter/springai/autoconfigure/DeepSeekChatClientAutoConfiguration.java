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

import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.springai.DeepSeekChatModel;
import io.github.deepseekstarter.springai.DeepSeekTenantAdvisor;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@link DeepSeekTenantAdvisor} to every {@code ChatClient.Builder} that Spring
 * AI's auto-configuration customizes, when the chat model is this starter's: a
 * {@code ChatClient} stream then carries the caller's identity to every model turn of its
 * tool loop.
 */
@AutoConfiguration(after = DeepSeekSpringAiAutoConfiguration.class,
		beforeName = DeepSeekSpringAiAutoConfiguration.CHAT_CLIENT_AUTO_CONFIGURATION)
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean({ DeepSeekChatModel.class, UserIdResolution.class })
public final class DeepSeekChatClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeepSeekTenantAdvisor deepSeekTenantAdvisor(UserIdResolution userIds) {
		return new DeepSeekTenantAdvisor(userIds);
	}

	@Bean
	@ConditionalOnMissingBean(name = "deepSeekTenantChatClientCustomizer")
	ChatClientCustomizer deepSeekTenantChatClientCustomizer(DeepSeekTenantAdvisor advisor) {
		return (builder) -> builder.defaultAdvisors(advisor);
	}

}
