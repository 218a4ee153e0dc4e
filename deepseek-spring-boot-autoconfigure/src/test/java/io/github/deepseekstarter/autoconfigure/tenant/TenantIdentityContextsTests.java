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

package io.github.deepseekstarter.autoconfigure.tenant;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.autoconfigure.DeepSeekSecurityAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.InvalidUserIdException;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Tenant identities across application contexts, through the blocking facade on
 * servlet-style threads, and rejected locally when they look personal.
 */
class TenantIdentityContextsTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private ApplicationContextRunner runner(String... properties) {
		DeepSeekEmulator emulator = this.extension.emulator();
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DeepSeekSecurityAutoConfiguration.class, DeepSeekAutoConfiguration.class))
			.withPropertyValues("deepseek.base-url=" + emulator.baseUrl(), "deepseek.api-key=" + emulator.apiKey())
			.withPropertyValues(properties);
	}

	@Test
	void hmacIdsAreEqualAcrossContextsSharingTheSecretAndDifferWithAnother() {
		ask(runner("deepseek.user-id.secret=shared-secret-of-at-least-32-bytes"), "alice");
		ask(runner("deepseek.user-id.secret=shared-secret-of-at-least-32-bytes"), "alice");
		ask(runner("deepseek.user-id.secret=other-secret-of-at-least-32-bytes"), "alice");
		List<String> ids = this.extension.emulator().requests().stream().map(RecordedRequest::userId).toList();
		assertThat(ids).hasSize(3);
		assertThat(ids.get(0)).hasSize(43).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
		assertThat(ids).noneMatch("alice"::equals);
	}

	@Test
	void blockingFacadeSendsTheServletThreadsCaller() throws Exception {
		ExecutorService requestThreads = Executors.newFixedThreadPool(2);
		try {
			runner("deepseek.user-id.policy=raw").run((context) -> {
				DeepSeekTemplate template = context.getBean(DeepSeekTemplate.class);
				for (String user : new String[] { "tenant-a", "tenant-b" }) {
					requestThreads.submit(() -> {
						SecurityContextHolder.getContext()
							.setAuthentication(
									UsernamePasswordAuthenticationToken.authenticated(user, "pw", List.of()));
						try {
							return template.blocking().chat(ChatCompletionRequest.of("hi"));
						}
						finally {
							SecurityContextHolder.clearContext();
						}
					}).get(20, TimeUnit.SECONDS);
				}
			});
		}
		finally {
			requestThreads.shutdownNow();
		}
		assertThat(this.extension.emulator().requests()).extracting(RecordedRequest::userId)
			.containsExactly("tenant-a", "tenant-b");
	}

	@Test
	void personalLookingIdsUnderRawAreRejectedBeforeAnythingIsSent() {
		runner("deepseek.user-id.policy=raw").run((context) -> {
			DeepSeekTemplate template = context.getBean(DeepSeekTemplate.class);
			for (String id : new String[] { "alice@example.com", "+49 151 1234567", "not valid!" }) {
				StepVerifier
					.create(template
						.chat(ChatCompletionRequest.builder().message(ChatMessage.user("hi")).userId(id).build()))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidUserIdException.class)
						.message()
						.doesNotContain(id))
					.verify(TIMEOUT);
			}
		});
		assertThat(this.extension.emulator().requests()).isEmpty();
	}

	private void ask(ApplicationContextRunner runner, String identity) {
		runner.run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(identity, "pw", List.of()));
			try {
				context.getBean(DeepSeekTemplate.class).chat(ChatCompletionRequest.of("hi")).block(TIMEOUT);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

}
