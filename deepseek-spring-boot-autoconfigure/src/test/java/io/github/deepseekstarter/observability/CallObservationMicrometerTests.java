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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.BulkheadAccountPermits;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.protocol.anthropic.Message;
import io.github.deepseekstarter.protocol.anthropic.MessageRequest;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ChatMessage;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;

/**
 * The observation recorded for each call, the parent it takes from the Reactor context,
 * and the key values it carries.
 */
@ExtendWith(BlockHoundInstalled.class)
class CallObservationMicrometerTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	CallObservationMicrometerTests() {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				CallObservationMicrometerTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@Test
	void callObservationIsAChildOfTheObservationInTheReactorContext() {
		Observation parent = Observation.start("request", this.observations);
		template().chat(ChatCompletionRequest.of("hi"))
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, parent))
			.block(TIMEOUT);
		parent.stop();
		Observation.Context call = this.stopped.stream()
			.filter((context) -> DeepSeekMeterNames.OBSERVATION.equals(context.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(call.getParentObservation()).isSameAs(parent);
		assertThat(call.getContextualName()).isEqualTo("chat deepseek-v4-flash");
		URI server = URI.create(this.extension.emulator().baseUrl());
		assertThat(call.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.provider.name", "deepseek"), KeyValue.of("gen_ai.operation.name", "chat"),
				KeyValue.of("gen_ai.request.model", "deepseek-v4-flash"),
				KeyValue.of("gen_ai.response.model", "deepseek-v4-flash"),
				KeyValue.of("server.address", server.getHost()),
				KeyValue.of("server.port", Integer.toString(server.getPort())), KeyValue.of("protocol", "openai"),
				KeyValue.of("outcome", "success"), KeyValue.of("error.type", "none"));
	}

	@Test
	void completionSpanCarriesTheInferenceAttributesOfTheConventions() {
		ChatCompletion completion = template().chat(ChatCompletionRequest.of("a confidential prompt")).block(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(keyValue(call, "gen_ai.response.id")).isEqualTo(completion.id());
		assertThat(keyValue(call, "gen_ai.response.finish_reasons")).isEqualTo("stop");
		assertThat(keyValue(call, "gen_ai.request.stream")).isEqualTo("false");
		assertThat(keyValue(call, "gen_ai.usage.input_tokens"))
			.isEqualTo(Integer.toString(completion.usage().promptTokens()));
		assertThat(keyValue(call, "gen_ai.usage.output_tokens"))
			.isEqualTo(Integer.toString(completion.usage().completionTokens()));
		assertThat(keyValue(call, "gen_ai.usage.cache_read.input_tokens"))
			.isEqualTo(Integer.toString(completion.usage().promptCacheHitTokens()));
		assertThat(keyValue(call, "gen_ai.usage.reasoning.output_tokens")).isNotNull();
		assertThat(call.getHighCardinalityKeyValue("gen_ai.response.time_to_first_chunk")).isNull();
		assertThat(call.getAllKeyValues()).noneMatch((keyValue) -> keyValue.getValue().contains("confidential"));
	}

	@Test
	void streamSpanCarriesTheFirstChunkTimeAndTheStreamsFinishReason() {
		List<ChatCompletionChunk> chunks = template()
			.chatStream(ChatCompletionRequest.builder()
				.message(ChatMessage.user("hi"))
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build())
			.collectList()
			.block(TIMEOUT);
		Observation.Context call = this.stopped.get(0);
		assertThat(keyValue(call, "gen_ai.request.stream")).isEqualTo("true");
		assertThat(keyValue(call, "gen_ai.response.id")).isEqualTo(chunks.get(0).id());
		assertThat(keyValue(call, "gen_ai.response.finish_reasons")).isEqualTo("stop");
		assertThat(Double.parseDouble(keyValue(call, "gen_ai.response.time_to_first_chunk"))).isPositive();
		assertThat(keyValue(call, "gen_ai.usage.output_tokens")).isNotNull();
	}

	@Test
	void anthropicFormatCallsAreObservedUnderTheSameNames() {
		Message message = template().anthropic().messages(MessageRequest.of("hi")).block(TIMEOUT);
		template().anthropic().messagesStream(MessageRequest.of("hi")).blockLast(TIMEOUT);
		assertThat(this.stopped).hasSize(2).allSatisfy((call) -> {
			assertThat(call.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.provider.name", "deepseek"),
					KeyValue.of("gen_ai.response.model", "deepseek-v4-flash"), KeyValue.of("protocol", "anthropic"),
					KeyValue.of("outcome", "success"));
			assertThat(keyValue(call, "gen_ai.response.finish_reasons")).isEqualTo("end_turn");
			assertThat(keyValue(call, "gen_ai.usage.output_tokens")).isNotNull();
		});
		assertThat(keyValue(this.stopped.get(0), "gen_ai.response.id")).isEqualTo(message.id());
		assertThat(keyValue(this.stopped.get(1), "gen_ai.response.time_to_first_chunk")).isNotNull();
	}

	@Test
	void localRejectionIsObservedAsAnErrorWithoutAnAnswer() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().modelLimit(LimiterConfig.FLASH, 1).maxQueueSize(0).build(),
				BulkheadAccountPermits.factory(), LimiterListener.NONE);
		Disposable held = limiter.withPermit(Admission.of(LimiterConfig.FLASH), (permit) -> Flux.never()).subscribe();
		try {
			StepVerifier
				.create(EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
					.limiter(limiter)
					.observer(MicrometerDeepSeekObserver.builder(new SimpleMeterRegistry())
						.observations(this.observations)
						.build())
					.build()
					.chat(ChatCompletionRequest.of("hi")))
				.expectError(LaneRejectedException.class)
				.verify(TIMEOUT);
		}
		finally {
			held.dispose();
		}
		assertThat(this.stopped).singleElement().satisfies((call) -> {
			assertThat(call.getLowCardinalityKeyValues()).contains(
					KeyValue.of("error.type", LaneRejectedException.class.getName()),
					KeyValue.of("gen_ai.response.model", "none"), KeyValue.of("outcome", "error"));
			assertThat(call.getHighCardinalityKeyValue("gen_ai.response.id")).isNull();
		});
	}

	@Test
	void aConventionOfTheApplicationReplacesTheDefault() {
		DeepSeekEmulator emulator = this.extension.emulator();
		DeepSeekObservationConvention convention = new DefaultDeepSeekObservationConvention() {

			@Override
			public String getName() {
				return "my.llm.call";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(DeepSeekObservationContext context) {
				return KeyValues.of("lane", context.getCall().lane());
			}

		};
		EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.observer(MicrometerDeepSeekObserver.builder(new SimpleMeterRegistry())
				.observations(this.observations)
				.convention(convention)
				.build())
			.build()
			.chat(ChatCompletionRequest.of("hi"))
			.block(TIMEOUT);
		assertThat(this.stopped).singleElement().satisfies((call) -> {
			assertThat(call.getName()).isEqualTo("my.llm.call");
			assertThat(call.getLowCardinalityKeyValues()).containsExactly(KeyValue.of("lane", "deepseek-v4-flash"));
			assertThat(keyValue(call, "gen_ai.response.id")).isNotNull();
		});
	}

	private static String keyValue(Observation.Context context, String key) {
		KeyValue value = context.getHighCardinalityKeyValue(key);
		return (value != null) ? value.getValue() : null;
	}

	@Test
	void failedCallObservationCarriesTheErrorAndNoContent() {
		this.extension.emulator().enqueueFault(Fault.status(500));
		StepVerifier.create(template().chat(ChatCompletionRequest.of("a secret prompt")))
			.expectError(DeepSeekApiException.ServerError.class)
			.verify(TIMEOUT);
		assertThat(this.stopped).singleElement().satisfies((call) -> {
			assertThat(call.getParentObservation()).isNull();
			assertThat(call.getError()).isInstanceOf(DeepSeekApiException.ServerError.class);
			assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
			assertThat(call.getAllKeyValues()).noneMatch((keyValue) -> keyValue.getValue().contains("secret prompt"));
		});
	}

	private DeepSeekTemplate template() {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.observer(MicrometerDeepSeekObserver.builder(new SimpleMeterRegistry())
				.observations(this.observations)
				.server(URI.create(emulator.baseUrl()))
				.build())
			.build();
	}

}
