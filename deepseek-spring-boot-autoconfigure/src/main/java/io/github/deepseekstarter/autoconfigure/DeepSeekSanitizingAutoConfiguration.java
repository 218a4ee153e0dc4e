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

import java.util.Arrays;

import io.github.deepseekstarter.actuate.DeepSeekSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link DeepSeekSanitizingFunction} that keeps the API key and
 * the {@code user_id} HMAC secret out of the actuator's {@code configprops} and
 * {@code env} endpoints, even with {@code show-values=always}.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(SanitizingFunction.class)
@ConditionalOnBean(DeepSeekProperties.class)
public final class DeepSeekSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "deepSeekSanitizingFunction")
	DeepSeekSanitizingFunction deepSeekSanitizingFunction(DeepSeekProperties properties) {
		return new DeepSeekSanitizingFunction(
				Arrays.asList(properties.getApiKey(), properties.getUserId().getSecret()));
	}

}
