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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.DeepSeekServerErrorException;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.BlockHoundInstalled;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Fault;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observation recorded for each call, the parent it takes from the Reactor context,
 * and the key values it carries.
 */
@ExtendWith(BlockHoundInstalled.class)
class CallObservationMicrometerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

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
		assertThat(call.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.system", "deepseek"),
				KeyValue.of("gen_ai.operation.name", "chat"), KeyValue.of("gen_ai.request.model", "deepseek-v4-flash"),
				KeyValue.of("protocol", "openai"), KeyValue.of("outcome", "success"));
		assertThat(call.getHighCardinalityKeyValue("gen_ai.usage.input_tokens")).isNotNull();
	}

	@Test
	void failedCallObservationCarriesTheErrorAndNoContent() {
		this.extension.emulator().enqueueFault(Fault.status(500));
		StepVerifier.create(template().chat(ChatCompletionRequest.of("a secret prompt")))
			.expectError(DeepSeekServerErrorException.class)
			.verify(TIMEOUT);
		assertThat(this.stopped).singleElement().satisfies((call) -> {
			assertThat(call.getParentObservation()).isNull();
			assertThat(call.getError()).isInstanceOf(DeepSeekServerErrorException.class);
			assertThat(call.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
			assertThat(call.getAllKeyValues()).noneMatch((keyValue) -> keyValue.getValue().contains("secret prompt"));
		});
	}

	private DeepSeekTemplate template() {
		DeepSeekEmulator emulator = this.extension.emulator();
		return EmulatorTemplates.builder(emulator.baseUrl(), emulator.apiKey())
			.observer(
					new MicrometerDeepSeekObserver(new SimpleMeterRegistry(), this.observations, TenantTags.disabled()))
			.build();
	}

}
