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

import io.github.deepseekstarter.identity.ReactiveSecurityContextUserIdResolver;
import io.github.deepseekstarter.identity.SecurityContextHolderUserIdResolver;
import io.github.deepseekstarter.identity.TenantExtractor;
import io.github.deepseekstarter.identity.UserIdResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeepSeekSecurityAutoConfiguration}.
 */
class DeepSeekSecurityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DeepSeekSecurityAutoConfiguration.class, DeepSeekAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=sk-test", "deepseek.user-id.secret=security-test-secret-of-32-bytes");

	@Test
	void registersReactiveThenThreadBoundResolvers() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeanProvider(UserIdResolver.class).orderedStream().toList()).hasSize(2)
				.first()
				.isInstanceOf(ReactiveSecurityContextUserIdResolver.class);
			assertThat(context).hasSingleBean(SecurityContextHolderUserIdResolver.class);
		});
	}

	@Test
	void tenantIsThePrincipalNameByDefault() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(TenantExtractor.class).extract(new TestingAuthenticationToken("alice", "pw", "USER")))
			.isEqualTo("alice"));
	}

	@Test
	void tenantIsTheConfiguredClaim() {
		this.contextRunner.withPropertyValues("deepseek.user-id.claim=tenant_id")
			.run((context) -> assertThat(context.getBean(TenantExtractor.class)
				.extract(new TestingAuthenticationToken("alice", "pw", "USER"))).isNull());
	}

	@Test
	void aBlankClaimFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("deepseek.user-id.claim= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("deepseek.user-id.claim"));
	}

	@Test
	void aSharedAnonymousIdThatIsNoValidUserIdFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("deepseek.user-id.policy=raw", "deepseek.user-id.anonymous=shared",
					"deepseek.user-id.anonymous-id=not valid!")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("deepseek.user-id.anonymous-id"));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Authentication.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UserIdResolver.class));
	}

}
