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

package io.github.deepseekstarter.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.InvalidUserIdException;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.protocol.openai.Balance;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ModelList;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * Tests of the typed errors of {@link DeepSeekTemplate}, its retries and its
 * {@code user_id} placement, over HTTP against the emulator.
 */
class DeepSeekTemplateErrorTests {

	private static final Map<Integer, Class<? extends DeepSeekApiException>> TYPES = Map.of(400,
			DeepSeekApiException.BadRequest.class, 401, DeepSeekApiException.Authentication.class, 402,
			DeepSeekApiException.InsufficientBalance.class, 422, DeepSeekApiException.InvalidParameters.class, 429,
			DeepSeekApiException.RateLimit.class, 500, DeepSeekApiException.ServerError.class, 503,
			DeepSeekApiException.Overloaded.class);

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 402, 422, 429, 500, 503 })
	void everyErrorStatusIsItsTypedException(int status) {
		DeepSeekEmulator emulator = this.extension.emulator();
		for (boolean stream : new boolean[] { false, true }) {
			emulator.enqueueFault(Fault.status(status, "scripted failure " + status));
			DeepSeekTemplate template = EmulatorTemplates.template(emulator);
			StepVerifier
				.create(stream ? template.chatStream(ChatCompletionRequest.of("x"))
						: template.chat(ChatCompletionRequest.of("x")))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isExactlyInstanceOf(TYPES.get(status))
						.hasMessageContaining("scripted failure " + status);
					assertThat(((DeepSeekApiException) ex).status()).isEqualTo(status);
				})
				.verify(TIMEOUT);
		}
	}

	@Test
	void wrongApiKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, "sk-wrong-key-987", EmulatorTemplates.TIMEOUTS)
			.build();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("x")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DeepSeekApiException.Authentication.class)
				.hasMessageContaining("Authentication Fails")
				.hasMessageContaining("deepseek.api-key")
				.message()
				.doesNotContain("sk-wrong-key-987"))
			.verify(TIMEOUT);
		assertThat(emulator.requests()).allSatisfy((request) -> {
			assertThat(request.header("authorization")).isNull();
			assertThat(request.body()).doesNotContain("sk-");
		});
	}

	@Test
	void theApiKeyStaysBelowTheWebClientLayer() {
		DeepSeekEmulator emulator = this.extension.emulator();
		List<String> seenByFilters = new CopyOnWriteArrayList<>();
		WebClient.Builder builder = DeepSeekConnector.configure(WebClient.builder(), URI.create(emulator.baseUrl()),
				emulator.apiKey(), DeepSeekConnector.connectionProvider(10, 10, Duration.ofSeconds(5)),
				EmulatorTemplates.TIMEOUTS);
		builder.filter((request, next) -> {
			seenByFilters.add(String.valueOf(request.headers().getFirst("Authorization")));
			return next.exchange(request);
		});
		DeepSeekTemplate template = DeepSeekTemplate.builder(builder.build())
			.retry(new DeepSeekRetryPolicy(EmulatorTemplates.NO_RETRY))
			.build();
		assertThat(template.chat(ChatCompletionRequest.of("x")).block(TIMEOUT).content()).isNotEmpty();
		assertThat(seenByFilters).containsExactly("null");
	}

	@Test
	void requestsNameTheStarterAsUserAgentUnlessTheApplicationNamesItself() {
		DeepSeekEmulator emulator = this.extension.emulator();
		WebClient.Builder builder = DeepSeekConnector.configure(WebClient.builder(), URI.create(emulator.baseUrl()),
				emulator.apiKey(), DeepSeekConnector.connectionProvider(10, 10, Duration.ofSeconds(5)),
				EmulatorTemplates.TIMEOUTS);
		DeepSeekTemplate template = DeepSeekTemplate.builder(builder.clone().build())
			.retry(new DeepSeekRetryPolicy(EmulatorTemplates.NO_RETRY))
			.build();
		DeepSeekTemplate named = DeepSeekTemplate
			.builder(builder.defaultHeader("User-Agent", "billing-service").build())
			.retry(new DeepSeekRetryPolicy(EmulatorTemplates.NO_RETRY))
			.build();
		template.chat(ChatCompletionRequest.of("x")).block(TIMEOUT);
		template.chatStream(ChatCompletionRequest.of("x")).blockLast(TIMEOUT);
		named.chat(ChatCompletionRequest.of("x")).block(TIMEOUT);
		assertThat(emulator.requests()).extracting((request) -> request.headers().get("user-agent"))
			.containsExactly(List.of("deepseek-spring-boot-starter"), List.of("deepseek-spring-boot-starter"),
					List.of("billing-service"));
	}

	@Test
	void serverConcurrencyLimitIsReadFromThe429() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setConcurrencyLimit(Lane.FLASH, 1);
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		emulator.enqueueFault(Fault.stallAfterChunks(0));
		Disposable holder = template.chatStream(ChatCompletionRequest.of("first")).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
			StepVerifier.create(template.chat(ChatCompletionRequest.of("second"))).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DeepSeekApiException.RateLimit.class)
					.hasMessageContaining("exceeds your concurrency limit of 1");
				assertThat(((DeepSeekApiException.RateLimit) ex).concurrencyLimit()).isEqualTo(1);
			}).verify(TIMEOUT);
			assertThat(emulator.stats(Lane.FLASH).rejected()).isEqualTo(1);
		}
		finally {
			holder.dispose();
		}
	}

	@Test
	void transientErrorsAreRetriedAndSucceed() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.status(503));
		emulator.enqueueFault(Fault.status(500));
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.retry(new DeepSeekRetryPolicy(
					new RetrySettings(3, Duration.ofMillis(5), 1.0, Duration.ofMillis(10), Duration.ofSeconds(1))))
			.build();
		assertThat(template.chat(ChatCompletionRequest.of("x")).block(TIMEOUT).content()).isNotEmpty();
		assertThat(emulator.requests()).hasSize(3);
	}

	@Test
	void retryAfterFromTheServerIsHonoured() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.status(429).withRetryAfter(Duration.ofSeconds(1)));
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.retry(new DeepSeekRetryPolicy(
					new RetrySettings(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), Duration.ofSeconds(5))))
			.build();
		assertThat(template.chat(ChatCompletionRequest.of("x")).block(TIMEOUT).content()).isNotEmpty();
		assertThat(emulator.requests()).hasSize(2);
	}

	@Test
	void clientErrorsAreNotRetried() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.enqueueFault(Fault.status(402));
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.retry(new DeepSeekRetryPolicy(RetrySettings.DEFAULTS))
			.build();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("x")))
			.expectError(DeepSeekApiException.InsufficientBalance.class)
			.verify(TIMEOUT);
		assertThat(emulator.requests()).hasSize(1);
	}

	@Test
	void refusedConnectionIsATransportFailure() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.template(emulator);
		emulator.close();
		StepVerifier.create(template.chat(ChatCompletionRequest.of("x")))
			.expectError(DeepSeekTransportException.class)
			.verify(TIMEOUT);
	}

	@Test
	void userIdIsSentAtTheTopLevelAndNeverAsUser() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator, EmulatorTemplates.TIMEOUTS)
			.userIds(new UserIdResolution(UserIdPolicy.hmac("client-test-secret-of-at-least-32-bytes"), List.of(),
					AnonymousUserIdStrategy.none()))
			.build();
		template
			.chat(ChatCompletionRequest.builder()
				.message(io.github.deepseekstarter.protocol.openai.ChatMessage.user("x"))
				.userId("tenant-42")
				.build())
			.block(TIMEOUT);
		assertThat(emulator.requests()).singleElement().satisfies((request) -> {
			// An explicit id is validated and sent as given, never pseudonymized again.
			assertThat(request.userId()).isEqualTo("tenant-42");
			assertThat(request.json().has("user")).isFalse();
		});
	}

	@Test
	void invalidUserIdFailsBeforeAnythingIsSent() {
		DeepSeekEmulator emulator = this.extension.emulator();
		StepVerifier
			.create(EmulatorTemplates.template(emulator)
				.chat(ChatCompletionRequest.builder()
					.message(io.github.deepseekstarter.protocol.openai.ChatMessage.user("x"))
					.userId("alice@example.com")
					.build()))
			.expectError(InvalidUserIdException.class)
			.verify(TIMEOUT);
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void extraBodyFieldsReachTheServer() {
		DeepSeekEmulator emulator = this.extension.emulator();
		EmulatorTemplates.template(emulator)
			.chat(ChatCompletionRequest.builder()
				.message(io.github.deepseekstarter.protocol.openai.ChatMessage.user("x"))
				.extraBody("new_parameter", Map.of("level", 2))
				.build())
			.block(TIMEOUT);
		assertThat(emulator.requests()).singleElement()
			.satisfies(
					(request) -> assertThat(request.json().path("new_parameter").path("level").asInt()).isEqualTo(2));
	}

	@Test
	void readsModelsAndBalance() {
		DeepSeekTemplate template = EmulatorTemplates.template(this.extension.emulator());
		ModelList models = template.models().block(TIMEOUT);
		assertThat(models.data()).extracting(ModelList.Model::id).contains("deepseek-v4-pro");
		Balance balance = template.balance().block(TIMEOUT);
		assertThat(balance.available()).isTrue();
		assertThat(balance.balanceInfos()).isNotEmpty();
	}

}
