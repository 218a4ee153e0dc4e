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

package io.github.deepseekstarter.samples.webflux;

import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints, end to end through the starter and the emulator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureDeepSeekEmulator
class SampleChatApplicationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DeepSeekEmulator emulator;

	@BeforeEach
	void reply() {
		this.emulator.reset();
		this.emulator.setDefaultReply(Reply.content("Paris is the capital of France."));
	}

	@Test
	void chatAnswersWithTheWholeReply() {
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/chat?message=Capital of France?")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content")
			.isEqualTo("Paris is the capital of France.");
		assertThat(this.emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.json().path("messages").get(0).path("content").asString())
				.isEqualTo("Capital of France?"));
	}

	@Test
	void streamSendsTheReplyAsServerSentEvents() {
		List<ChatController.Fragment> parts = this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/chat/stream?message=Capital of France?")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(ChatController.Fragment.class)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(parts.stream().map(ChatController.Fragment::content).reduce("", String::concat))
			.isEqualTo("Paris is the capital of France.");
	}

	@Test
	void prometheusScrapeShowsTheCallsAndTheLanes() {
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/chat?message=hi")
			.exchange()
			.expectStatus()
			.isOk();
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count")
			.contains("deepseek_lane_limit_configured{model=\"deepseek-v4-flash\"")
			.contains("deepseek_upstream_responses_total");
	}

	@Test
	void healthHasADeepseekComponent() {
		this.client.get()
			.uri("/actuator/health/deepseek")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.lanes.details.lanes")
			.exists();
	}

}
