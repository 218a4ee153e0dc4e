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

package io.github.deepseekstarter.samples.springai;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signed-in tenants ask a question that needs the tool, through the real security filter
 * chain: Spring AI's tool loop calls the {@code @Tool} method, and DeepSeek (the
 * emulator) receives both model turns with the HMAC pseudonym of the caller's tenant and
 * the reasoning of the tool turn.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureDeepSeekEmulator
class SampleSpringAiApplicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DeepSeekEmulator emulator;

	@Value("${deepseek.user-id.secret}")
	String secret;

	@BeforeEach
	void toolUsingModel() {
		this.emulator.reset();
		this.emulator.setDefaultReply(Reply.usingTools());
	}

	@Test
	void chatCallsTheToolAndEveryTurnCarriesTheTenantsPseudonym() throws Exception {
		String answer = this.mvc
			.perform(
					get("/chat").param("message", "forecast for Paris").with(httpBasic("alice@acme", "alice-password")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).startsWith("Tool results: \"Forecast for forecast for Paris on ");
		assertTurns(hmac("acme"), false);
	}

	@Test
	void streamCallsTheToolAndEveryTurnCarriesTheTenantsPseudonym() throws Exception {
		MvcResult started = this.mvc
			.perform(get("/chat/stream").param("message", "forecast for Oslo")
				.with(httpBasic("carol@globex", "carol-password")))
			.andExpect(request().asyncStarted())
			.andReturn();

		String events = this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// One server-sent event per token of the final answer; the tool turn is not
		// shown.
		assertThat(events.replaceAll("(?m)^data:", "").replace("\n", ""))
			.startsWith("Tool results: \"Forecast for forecast for Oslo");
		assertTurns(hmac("globex"), true);
	}

	@Test
	void callersWhoAreNotSignedInAreRefusedAndNothingIsSent() throws Exception {
		this.mvc.perform(get("/chat").param("message", "hello")).andExpect(status().isUnauthorized());
		assertThat(this.emulator.requests()).isEmpty();
	}

	private void assertTurns(String pseudonym, boolean streamed) {
		List<RecordedRequest> turns = this.emulator.requests();
		assertThat(turns).hasSize(2);
		assertThat(turns).extracting(RecordedRequest::userId).containsOnly(pseudonym);
		assertThat(turns).extracting(RecordedRequest::stream).containsOnly(streamed);
		assertThat(turns.get(1).json().path("messages").get(2).path("reasoning_content").asString())
			.startsWith("Thinking about: ");
		assertThat(turns.get(1).body()).doesNotContain("alice", "carol", "acme", "globex");
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
