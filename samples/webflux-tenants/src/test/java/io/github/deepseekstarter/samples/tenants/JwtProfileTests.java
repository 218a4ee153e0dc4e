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

package io.github.deepseekstarter.samples.tenants;

import java.time.Duration;
import java.util.Map;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code jwt} profile: a user exchanges a password for a locally signed JWT, calls
 * with it, and the tenant of its {@code tenant_id} claim reaches DeepSeek as a pseudonym.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureDeepSeekEmulator
@ActiveProfiles("jwt")
class JwtProfileTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DeepSeekEmulator emulator;

	@Test
	void theTenantClaimOfTheTokenBecomesTheUserId() {
		WebTestClient client = this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
		Map<String, String> token = client.post()
			.uri("/token")
			.headers((headers) -> headers.setBasicAuth("carol", "carol-password"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(token).containsKey("access_token");
		client.get()
			.uri("/chat?message=hello")
			.headers((headers) -> headers.setBearerAuth(token.get("access_token")))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.userId()).isEqualTo(Pseudonyms.of("globex")));
	}

	@Test
	void chatNeedsATokenNotAPassword() {
		this.client.get()
			.uri("/chat?message=hello")
			.headers((headers) -> headers.setBasicAuth("carol", "carol-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/chat?message=hello")
			.headers((headers) -> headers.setBearerAuth("not-a-token"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
