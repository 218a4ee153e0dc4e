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

package io.github.deepseekstarter.observability;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * The meters recorded for calls made against the emulator, read from a
 * {@link SimpleMeterRegistry}. BlockHound guards every thread.
 */
@ExtendWith(BlockHoundInstalled.class)
class MicrometerDeepSeekObserverTests {

	private static final String FLASH = LimiterConfig.FLASH;

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension(
			DeepSeekEmulator.builder().tokenInterval(Duration.ofMillis(2)).keepAliveInterval(Duration.ofMillis(10)));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void streamedCallRecordsTheGenAiMetersAsReleasedInTheConventions() {
		template(limiter(LimiterConfig.builder().build()))
			.chatStream(ChatCompletionRequest.builder()
				.message(ChatMessage.user("hi"))
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build())
			.blockLast(TIMEOUT);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tags(genAiTags("openai"))
			.tag(DeepSeekMeterNames.TAG_OUTCOME, "success")
			.tag(DeepSeekMeterNames.TAG_ERROR_TYPE, DeepSeekMeterNames.NONE)
			.timer()
			.count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_USAGE).summaries())
			.extracting((summary) -> summary.getId().getTag(DeepSeekMeterNames.TAG_TOKEN_TYPE))
			.containsExactlyInAnyOrder("input", "output");
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_USAGE)
			.tags(genAiTags("openai"))
			.tag(DeepSeekMeterNames.TAG_TOKEN_TYPE, "input")
			.summary()
			.totalAmount()).isPositive();
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_USAGE)
			.tag(DeepSeekMeterNames.TAG_TOKEN_TYPE, "output")
			.summary()
			.totalAmount()).isPositive();
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_DETAILS).summaries())
			.extracting((summary) -> summary.getId().getTag(DeepSeekMeterNames.TAG_TOKEN_DETAIL))
			.containsExactlyInAnyOrder("cache_read", "cache_miss", "reasoning");
		assertThat(this.meters.get(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK).tags(genAiTags("openai")).timer().count())
			.isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.UPSTREAM_RESPONSES)
			.tag(DeepSeekMeterNames.TAG_STATUS, "200")
			.counter()
			.count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.SERVER_QUEUE_TIME).timer().count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.QUEUE_WAIT).tag("model", FLASH).timer().count()).isOne();
		assertNoLegacyNames();
		assertThat(
				this.meters.find(DeepSeekMeterNames.OPERATION_DURATION).tagKeys(DeepSeekMeterNames.TAG_TENANT).meter())
			.isNull();
	}

	@Test
	void anthropicFormatCallsAndStreamsRecordTheSameNames() {
		DeepSeekTemplate template = template(limiter(LimiterConfig.builder().build()));
		template.anthropic().messages(MessageRequest.of("hi")).block(TIMEOUT);
		template.anthropic().messagesStream(MessageRequest.of("hi")).blockLast(TIMEOUT);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tags(genAiTags("anthropic"))
			.tag(DeepSeekMeterNames.TAG_OUTCOME, "success")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_USAGE)
			.tags(genAiTags("anthropic"))
			.tag(DeepSeekMeterNames.TAG_TOKEN_TYPE, "output")
			.summary()
			.count()).isEqualTo(2);
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_DETAILS)
			.tags(genAiTags("anthropic"))
			.tag(DeepSeekMeterNames.TAG_TOKEN_DETAIL, "cache_miss")
			.summary()
			.count()).isEqualTo(2);
		assertThat(this.meters.get(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK).tags(genAiTags("anthropic")).timer().count())
			.isOne();
		assertNoLegacyNames();
	}

	@Test
	@SuppressWarnings("removal")
	void legacyNamesAreRecordedBesideTheCurrentOnesWhenAskedFor() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekTemplate template = EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.limiter(limiter(LimiterConfig.builder().build()))
			.observer(observer().legacyNames(true).build())
			.build();
		template
			.chatStream(ChatCompletionRequest.builder()
				.message(ChatMessage.user("hi"))
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build())
			.blockLast(TIMEOUT);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tags(genAiTags("openai"))
			.tag(DeepSeekMeterNames.TAG_SYSTEM, "deepseek")
			.timer()
			.count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.TOKEN_USAGE).summaries())
			.extracting((summary) -> summary.getId().getTag(DeepSeekMeterNames.TAG_TOKEN_TYPE))
			.containsExactlyInAnyOrder("input", "output", "cache_hit", "cache_miss", "reasoning");
		assertThat(this.meters.get(DeepSeekMeterNames.TIME_TO_FIRST_TOKEN).tag("model", FLASH).timer().count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK).timer().count()).isOne();
	}

	@Test
	void modelsWithoutALaneOfTheirOwnAreTaggedWithTheirLaneNotTheRawString() {
		String unknown = "deepseek-v9-preview-0427";
		StepVerifier
			.create(template(limiter(LimiterConfig.builder().build()))
				.chat(ChatCompletionRequest.builder().model(unknown).message(ChatMessage.user("hi")).build()))
			.expectError(DeepSeekApiException.BadRequest.class)
			.verify(TIMEOUT);
		assertThat(this.meters.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
			.extracting(Tag::getValue)
			.doesNotContain(unknown);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tag(DeepSeekMeterNames.TAG_REQUEST_MODEL, LimiterConfig.DEFAULT_LANE)
			.timer()
			.count()).isOne();
		assertThat(this.meters.get(DeepSeekMeterNames.UPSTREAM_RESPONSES)
			.tag(DeepSeekMeterNames.TAG_MODEL, LimiterConfig.DEFAULT_LANE)
			.tag(DeepSeekMeterNames.TAG_STATUS, "400")
			.counter()
			.count()).isOne();
	}

	@Test
	void serverRateLimitIsCountedAsAnUpstreamResponseAndNotAsALocalRejection() {
		this.extension.emulator().enqueueFault(Fault.status(429));
		StepVerifier.create(template(limiter(LimiterConfig.builder().build())).chat(ChatCompletionRequest.of("hi")))
			.expectError(DeepSeekApiException.RateLimit.class)
			.verify(TIMEOUT);
		assertThat(this.meters.get(DeepSeekMeterNames.UPSTREAM_RESPONSES)
			.tag(DeepSeekMeterNames.TAG_STATUS, "429")
			.counter()
			.count()).isOne();
		assertThat(this.meters.find(DeepSeekMeterNames.REJECTED).counter()).isNull();
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tag(DeepSeekMeterNames.TAG_OUTCOME, "error")
			.tag(DeepSeekMeterNames.TAG_ERROR_TYPE, DeepSeekApiException.RateLimit.class.getName())
			.tag(DeepSeekMeterNames.TAG_RESPONSE_MODEL, DeepSeekMeterNames.NONE)
			.timer()
			.count()).isOne();
	}

	@Test
	void localRejectionIsCountedByReasonAndNeverReachesTheServer() {
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(FLASH, 1).maxQueueSize(0).build(), BulkheadAccountPermits.factory(),
				new MicrometerLimiterListener(this.meters));
		Disposable held = limiter.withPermit(Admission.of(FLASH), (permit) -> Flux.never()).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> limiter.snapshot(FLASH).inUse() == 1);
			StepVerifier.create(template(limiter).chat(ChatCompletionRequest.of("hi")))
				.expectError(LaneRejectedException.class)
				.verify(TIMEOUT);
		}
		finally {
			held.dispose();
		}
		assertThat(this.meters.get(DeepSeekMeterNames.REJECTED)
			.tag("model", FLASH)
			.tag(DeepSeekMeterNames.TAG_REASON, "queue_full")
			.counter()
			.count()).isOne();
		assertThat(this.meters.find(DeepSeekMeterNames.UPSTREAM_RESPONSES).counter()).isNull();
		assertThat(this.extension.emulator().totalRequests()).isZero();
	}

	@Test
	void keepAlivesAndServerQueueTimeAreRecordedWhileTheServerQueues() {
		DeepSeekEmulator emulator = this.extension.emulator();
		emulator.setInferenceCapacity(Lane.FLASH, 1);
		emulator.setTokenInterval(Duration.ofMillis(10));
		// The first answer keeps the only inference slot busy while the second waits in
		// the server's queue, where keep-alives are all it receives.
		emulator.setDefaultReply(Reply.content("one two three four five six seven eight nine ten eleven twelve "
				+ "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"));
		DeepSeekTemplate template = template(limiter(LimiterConfig.builder().build()));
		Mono<Void> first = template.chatStream(ChatCompletionRequest.of("first")).then().cache();
		first.subscribe();
		await().atMost(TIMEOUT).until(() -> emulator.stats(Lane.FLASH).inFlight() == 1);
		template.chatStream(ChatCompletionRequest.of("second")).blockLast(TIMEOUT);
		first.block(TIMEOUT);
		assertThat(this.meters.get(DeepSeekMeterNames.KEEP_ALIVES).counter().count()).isPositive();
		assertThat(this.meters.get(DeepSeekMeterNames.SERVER_QUEUE_TIME).timer().max(TimeUnit.NANOSECONDS))
			.isPositive();
	}

	@Test
	void tenantTagsAreOffByDefaultAndCappedWhenOn() {
		DeepSeekTemplate template = EmulatorTemplates
			.builder(this.extension.emulator().baseUrl(), this.extension.emulator().apiKey())
			.observer(new MicrometerDeepSeekObserver(this.meters, ObservationRegistry.NOOP, TenantTags.capped(2)))
			.build();
		for (String user : new String[] { "tenant-a", "tenant-b", "tenant-c", "tenant-d", "tenant-a" }) {
			template.chat(ChatCompletionRequest.builder().message(ChatMessage.user("hi")).userId(user).build())
				.block(TIMEOUT);
		}
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION).timers())
			.extracting((timer) -> timer.getId().getTag(DeepSeekMeterNames.TAG_TENANT))
			.containsExactlyInAnyOrder("tenant-a", "tenant-b", TenantTags.OTHER);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tag(DeepSeekMeterNames.TAG_TENANT, "tenant-a")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.meters.get(DeepSeekMeterNames.OPERATION_DURATION)
			.tag(DeepSeekMeterNames.TAG_TENANT, TenantTags.OTHER)
			.timer()
			.count()).isEqualTo(2);
	}

	private DeepSeekLimiter limiter(LimiterConfig config) {
		return new DeepSeekLimiter(config, BulkheadAccountPermits.factory(),
				new MicrometerLimiterListener(this.meters));
	}

	private DeepSeekTemplate template(DeepSeekLimiter limiter) {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.limiter(limiter)
			.observer(observer().build())
			.build();
	}

	private MicrometerDeepSeekObserver.Builder observer() {
		return MicrometerDeepSeekObserver.builder(this.meters).server(URI.create(this.extension.emulator().baseUrl()));
	}

	private Tags genAiTags(String protocol) {
		URI server = URI.create(this.extension.emulator().baseUrl());
		return Tags.of(DeepSeekMeterNames.TAG_PROVIDER, "deepseek", DeepSeekMeterNames.TAG_OPERATION, "chat",
				DeepSeekMeterNames.TAG_REQUEST_MODEL, FLASH, DeepSeekMeterNames.TAG_RESPONSE_MODEL, FLASH,
				DeepSeekMeterNames.TAG_SERVER_ADDRESS, server.getHost(), DeepSeekMeterNames.TAG_SERVER_PORT,
				Integer.toString(server.getPort()), DeepSeekMeterNames.TAG_PROTOCOL, protocol);
	}

	@SuppressWarnings("removal")
	private void assertNoLegacyNames() {
		assertThat(this.meters.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
			.extracting(Tag::getKey)
			.doesNotContain(DeepSeekMeterNames.TAG_SYSTEM);
		assertThat(this.meters.find(DeepSeekMeterNames.TIME_TO_FIRST_TOKEN).meter()).isNull();
		assertThat(this.meters.find(DeepSeekMeterNames.TOKEN_USAGE)
			.tag(DeepSeekMeterNames.TAG_TOKEN_TYPE, "cache_hit")
			.meter()).isNull();
	}

}
