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
import java.util.List;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.RecordedRequest;
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
 * Tenants signed in with HTTP Basic chat through the sample, and what they see and what
 * DeepSeek would receive: each tenant's HMAC pseudonym; the metrics and the lanes are
 * readable without signing in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureDeepSeekEmulator
class SampleTenantsApplicationTests {

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
	void tenantsChatAndDeepSeekReceivesTheirPseudonyms() {
		for (String user : List.of("alice", "bob", "carol", "dave")) {
			client().get()
				.uri("/chat?message=Capital of France?")
				.headers((headers) -> headers.setBasicAuth(user, user + "-password"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.content")
				.isEqualTo("Paris is the capital of France.");
		}
		assertThat(this.emulator.requests()).extracting(RecordedRequest::userId)
			.containsExactly(Pseudonyms.of("acme"), Pseudonyms.of("acme"), Pseudonyms.of("globex"),
					Pseudonyms.of("initech"));
	}

	@Test
	void streamSendsTheReplyAsJsonFragments() {
		List<ChatController.Fragment> fragments = client().get()
			.uri("/chat/stream?message=Capital of France?")
			.headers((headers) -> headers.setBasicAuth("erin", "erin-password"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(ChatController.Fragment.class)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(fragments).extracting(ChatController.Fragment::content)
			.contains(" capital")
			.satisfies((parts) -> assertThat(String.join("", parts)).isEqualTo("Paris is the capital of France."));
		assertThat(this.emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.userId()).isEqualTo(Pseudonyms.of("umbrella")));
	}

	@Test
	void callersWhoAreNotSignedInCannotChatAndNothingIsSent() {
		client().get().uri("/chat?message=hello").exchange().expectStatus().isUnauthorized();
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void lanesAndPrometheusMetricsAreReadableWithoutSigningIn() {
		client().get()
			.uri("/actuator/deepseek")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lanes[?(@.model == 'deepseek-v4-flash')].configuredLimit")
			.isEqualTo(2500);
		String scrape = client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("deepseek_lane_limit_configured").contains("model=\"deepseek-v4-flash\"");
		for (String page : List.of("/", "/dashboard.js", "/charts.js", "/dashboard.css")) {
			client().get().uri(page).exchange().expectStatus().isOk();
		}
	}

	@Test
	void prometheusScrapeFindsEachLanesBulkheadTheCostAndTheTokensOfAStream() {
		double outputTokensBefore = sum(scrape(), "gen_ai_client_token_usage_tokens_sum",
				"gen_ai_token_type=\"output\"");
		double streamsBefore = sum(scrape(), "gen_ai_client_operation_time_to_first_chunk_seconds_count", "");
		client().get()
			.uri("/chat/stream?message=Capital of France?")
			.headers((headers) -> headers.setBasicAuth("frank", "frank-password"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(ChatController.Fragment.class)
			.getResponseBody()
			.blockLast(Duration.ofSeconds(20));
		String scrape = scrape();
		for (String lane : List.of("deepseek-v4-flash", "deepseek-v4-pro", "default")) {
			assertThat(scrape).as(lane)
				.containsPattern("(?m)^resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"deepseek-" + lane
						+ "\"[^}]*} \\d");
		}
		assertThat(sum(scrape, "gen_ai_client_operation_time_to_first_chunk_seconds_count", ""))
			.isEqualTo(streamsBefore + 1);
		assertThat(sum(scrape, "gen_ai_client_token_usage_tokens_sum", "gen_ai_token_type=\"output\""))
			.as("the stream's output tokens")
			.isGreaterThan(outputTokensBefore);
		assertThat(sum(scrape, "deepseek_client_cost_total", "model=\"deepseek-v4-flash\"")).isPositive();
		assertThat(scrape).contains("deepseek_client_cost_total{currency=\"USD\"")
			.contains("gen_ai_provider_name=\"deepseek\"")
			.doesNotContain("gen_ai_system");
	}

	private String scrape() {
		return client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	// The sum of the samples of one metric whose labels contain a text.
	private static double sum(String scrape, String metric, String labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(metric + "{") && line.contains(labels))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private WebTestClient client() {
		return this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
	}

}
