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

package io.github.deepseekstarter.samples.mvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signed-in users of several tenants chat through the blocking template, and the emulator
 * records what DeepSeek would receive: the HMAC pseudonym of each caller's tenant as
 * {@code user_id}, never the tenant or the user name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureDeepSeekEmulator
class SampleMvcApplicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DeepSeekEmulator emulator;

	@Value("${deepseek.user-id.secret}")
	String secret;

	@BeforeEach
	void reply() {
		this.emulator.reset();
		this.emulator.setDefaultReply(Reply.content("Paris is the capital of France."));
	}

	@Test
	void chatAnswersWithTheReplyAndSendsTheHmacOfTheCallersTenant() throws Exception {
		this.mvc.perform(get("/chat").param("message", "Capital of France?").with(httpBasic("alice", "alice-password")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content").value("Paris is the capital of France."));
		RecordedRequest request = this.emulator.requests().get(0);
		assertThat(request.userId()).isEqualTo(hmac("acme"));
		assertThat(request.json().toString()).doesNotContain("acme").doesNotContain("alice");
	}

	@Test
	void colleaguesShareTheirTenantsUserIdAndOtherTenantsHaveTheirOwn() throws Exception {
		chat("alice");
		chat("bob");
		chat("carol");
		chat("dave");
		assertThat(this.emulator.requests()).extracting(RecordedRequest::userId)
			.containsExactly(hmac("acme"), hmac("acme"), hmac("globex"), hmac("initech"));
	}

	@Test
	void callersWhoAreNotSignedInAreRefusedAndNothingIsSent() throws Exception {
		this.mvc.perform(get("/chat").param("message", "hello")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/chat").param("message", "hello").with(httpBasic("alice", "wrong")))
			.andExpect(status().isUnauthorized());
		assertThat(this.emulator.requests()).isEmpty();
	}

	private void chat(String user) throws Exception {
		this.mvc.perform(get("/chat").param("message", "hello").with(httpBasic(user, user + "-password")))
			.andExpect(status().isOk());
	}

	// HMAC-SHA256 in base64url without padding, the pseudonym DeepSeek receives.
	private String hmac(String tenant) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(tenant.getBytes(StandardCharsets.UTF_8)));
	}

}
