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

import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.util.context.ContextView;

/**
 * Records each call in Micrometer: the {@code gen_ai.*} operation timer and token usage,
 * DeepSeek's upstream statuses, keep-alives, server queue time and time to first token
 * (see {@link DeepSeekMeterNames}), and an {@link Observation} per call whose parent is
 * the observation in the subscriber's Reactor context, so tracing sees each call as a
 * child span. Neither the meters nor the observation ever carry prompt or completion
 * content: this observer never sees it.
 */
public final class MicrometerDeepSeekObserver implements DeepSeekObserver {

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final TenantTags tenantTags;

	/**
	 * Creates an observer recording meters only, without tenant tags.
	 * @param meters the registry of the meters
	 */
	public MicrometerDeepSeekObserver(MeterRegistry meters) {
		this(meters, ObservationRegistry.NOOP, TenantTags.disabled());
	}

	/**
	 * Creates an observer.
	 * @param meters the registry of the meters
	 * @param observations the registry of the observations,
	 * {@link ObservationRegistry#NOOP} for none
	 * @param tenantTags whether and how the meters carry the tenant
	 */
	public MicrometerDeepSeekObserver(MeterRegistry meters, ObservationRegistry observations, TenantTags tenantTags) {
		this.meters = Objects.requireNonNull(meters, "meters must not be null");
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
		this.tenantTags = Objects.requireNonNull(tenantTags, "tenantTags must not be null");
	}

	@Override
	public CallObserver start(CallInfo call, ContextView context) {
		Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		Observation observation = Observation
			.createNotStarted(DeepSeekMeterNames.OBSERVATION, Observation.Context::new, this.observations)
			.contextualName(call.operation() + " " + call.meteredModel())
			.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_OPERATION, call.operation())
			.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_SYSTEM, DeepSeekMeterNames.SYSTEM)
			.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_REQUEST_MODEL, call.meteredModel())
			.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_PROTOCOL, call.protocol())
			.highCardinalityKeyValue("gen_ai.request.stream", Boolean.toString(call.stream()))
			.parentObservation(parent)
			.start();
		String tenant = this.tenantTags.isEnabled() ? this.tenantTags.valueOf(call.userId()) : null;
		return new MicrometerCallObserver(this.meters, call, tenant, observation);
	}

}
