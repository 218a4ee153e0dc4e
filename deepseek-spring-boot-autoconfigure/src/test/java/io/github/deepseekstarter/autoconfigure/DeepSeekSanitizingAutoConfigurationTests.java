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

import java.util.List;
import java.util.Map;

import io.github.deepseekstarter.actuate.DeepSeekSanitizingFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key and the HMAC secret never appear in {@code /actuator/configprops} or
 * {@code /actuator/env}, even with {@code show-values=always}, whether set directly or
 * read from environment variables.
 */
class DeepSeekSanitizingAutoConfigurationTests {

	private static final String API_KEY = "sk-live-0123456789abcdef";

	private static final String SECRET = "hmac-secret-that-is-long-enough-0123456789";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class,
				DeepSeekSanitizingAutoConfiguration.class, EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always");

	@Test
	void secretsSetAsPropertiesAreMaskedWhateverShowValuesSays() {
		this.contextRunner
			.withPropertyValues("deepseek.api-key=" + API_KEY, "deepseek.user-id.secret=" + SECRET,
					"deepseek.base-url=http://localhost:9999")
			.run((context) -> {
				String configprops = json(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				String env = json(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(configprops).contains("http://localhost:9999").contains("******");
				assertThat(env).contains("http://localhost:9999");
				assertThat(configprops + env).doesNotContain(API_KEY).doesNotContain(SECRET);
			});
	}

	@Test
	void secretsReadFromEnvironmentVariablesAreMaskedInBothPlaces() {
		this.contextRunner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addLast(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DEEPSEEK_API_KEY", API_KEY, "VAULT_HMAC", SECRET))))
			.withPropertyValues("deepseek.user-id.secret=${VAULT_HMAC}")
			.run((context) -> {
				assertThat(context.getBean(DeepSeekProperties.class).getApiKey()).isEqualTo(API_KEY);
				String configprops = json(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				String env = json(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("DEEPSEEK_API_KEY").contains("VAULT_HMAC");
				assertThat(configprops + env).doesNotContain(API_KEY).doesNotContain(SECRET);
			});
	}

	@Test
	void functionMatchesEverySpellingOfTheSecretPropertiesAndNothingElse() {
		DeepSeekSanitizingFunction function = new DeepSeekSanitizingFunction(List.of(API_KEY));
		for (String key : new String[] { "deepseek.api-key", "deepseek.apiKey", "DEEPSEEK_API_KEY",
				"deepseek.user-id.secret", "deepseek.userId.secret", "DEEPSEEK_USER_ID_SECRET" }) {
			assertThat(function.apply(new SanitizableData(null, key, "x")).getValue()).as(key).isEqualTo("******");
		}
		assertThat(
				function.apply(new SanitizableData(null, "deepseek.base-url", "https://api.deepseek.com")).getValue())
			.isEqualTo("https://api.deepseek.com");
		assertThat(function.apply(new SanitizableData(null, "MY_TOKEN", "Bearer " + API_KEY)).getValue())
			.isEqualTo("******");
	}

	@Test
	void backsOffWithoutActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class,
					DeepSeekSanitizingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.withPropertyValues("deepseek.api-key=" + API_KEY, "deepseek.user-id.secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DeepSeekSanitizingFunction.class));
	}

	private static String json(Object descriptor) {
		return JsonMapper.shared().writeValueAsString(descriptor);
	}

}
