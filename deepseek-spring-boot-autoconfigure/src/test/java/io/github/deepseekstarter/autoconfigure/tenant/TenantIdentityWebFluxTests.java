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

import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The tenant of a secured WebFlux request reaches DeepSeek as a pseudonymized top-level
 * {@code user_id}, through a real Spring Security filter chain.
 */
class TenantIdentityWebFluxTests {

	private static final String SECRET = "tenant-test-secret-of-at-least-32-bytes";

	abstract static class Base {

		@Autowired
		ApplicationContext context;

		@Autowired
		DeepSeekEmulator emulator;

		WebTestClient client;

		@BeforeEach
		void setUp() {
			this.emulator.reset();
			this.client = WebTestClient.bindToApplicationContext(this.context)
				.apply(springSecurity())
				.configureClient()
				.responseTimeout(Duration.ofSeconds(20))
				.build();
		}

		List<RecordedRequest> chats() {
			return this.emulator.requests()
				.stream()
				.filter((request) -> request.path().endsWith("/chat/completions"))
				.toList();
		}

	}

	@Nested
	@SpringBootTest(classes = TenantApplication.class, properties = "deepseek.user-id.secret=" + SECRET)
	@AutoConfigureDeepSeekEmulator
	class PrincipalName extends Base {

		@Test
		void principalNameIsSentAsItsHmacPseudonym() {
			this.client.mutateWith(mockUser("alice")).get().uri("/ask").exchange().expectStatus().isOk();
			assertThat(chats()).singleElement().satisfies((request) -> {
				assertThat(request.userId()).isEqualTo(UserIdPolicy.hmac(SECRET).toUserId("alice"));
				assertThat(request.json().has("user")).isFalse();
				assertThat(request.body()).doesNotContain("alice");
			});
		}

		@Test
		void twoUsersNeverShareAnId() {
			this.client.mutateWith(mockUser("alice")).get().uri("/ask").exchange().expectStatus().isOk();
			this.client.mutateWith(mockUser("bob")).get().uri("/ask").exchange().expectStatus().isOk();
			assertThat(chats()).extracting(RecordedRequest::userId).doesNotHaveDuplicates().hasSize(2);
		}

		@Test
		void anonymousCallersAreTurnedAwayBeforeDeepSeekIsCalled() {
			this.client.get().uri("/ask").exchange().expectStatus().isUnauthorized();
			assertThat(chats()).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(classes = TenantApplication.class,
			properties = { "deepseek.user-id.secret=" + SECRET, "deepseek.user-id.claim=tenant_id" })
	@AutoConfigureDeepSeekEmulator
	class TenantClaim extends Base {

		@Test
		void usersOfOneTenantShareAnIdAndTenantsNever() {
			ask("alice", "acme");
			ask("bob", "acme");
			ask("carol", "globex");
			List<String> ids = chats().stream().map(RecordedRequest::userId).toList();
			assertThat(ids).hasSize(3);
			assertThat(ids.get(0)).isEqualTo(ids.get(1)).isEqualTo(UserIdPolicy.hmac(SECRET).toUserId("acme"));
			assertThat(ids.get(2)).isNotEqualTo(ids.get(0)).isEqualTo(UserIdPolicy.hmac(SECRET).toUserId("globex"));
		}

		private void ask(String subject, String tenant) {
			this.client.mutateWith(mockJwt().jwt((jwt) -> jwt.subject(subject).claim("tenant_id", tenant)))
				.get()
				.uri("/ask")
				.exchange()
				.expectStatus()
				.isOk();
		}

	}

}
