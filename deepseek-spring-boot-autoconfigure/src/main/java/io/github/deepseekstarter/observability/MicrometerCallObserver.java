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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The meters and observation of one call.
 */
final class MicrometerCallObserver implements CallObserver {

	private final MeterRegistry meters;

	private final Observation observation;

	private final Tags genAiTags;

	private final Tags laneTags;

	private final long startNanos;

	private final AtomicBoolean firstToken = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	MicrometerCallObserver(MeterRegistry meters, CallInfo call, @Nullable String tenant, Observation observation) {
		this.meters = meters;
		this.observation = observation;
		Tags genAi = Tags.of(DeepSeekMeterNames.TAG_OPERATION, call.operation(), DeepSeekMeterNames.TAG_SYSTEM,
				DeepSeekMeterNames.SYSTEM, DeepSeekMeterNames.TAG_REQUEST_MODEL, call.meteredModel(),
				DeepSeekMeterNames.TAG_PROTOCOL, call.protocol());
		Tags lane = Tags.of(DeepSeekMeterNames.TAG_MODEL, call.lane(), DeepSeekMeterNames.TAG_PROTOCOL,
				call.protocol());
		if (tenant != null) {
			genAi = genAi.and(DeepSeekMeterNames.TAG_TENANT, tenant);
		}
		this.genAiTags = genAi;
		this.laneTags = lane;
		this.startNanos = meters.config().clock().monotonicTime();
	}

	@Override
	public void onResponse(int status) {
		Counter.builder(DeepSeekMeterNames.UPSTREAM_RESPONSES)
			.description("Answers DeepSeek sent, by HTTP status")
			.tags(this.laneTags)
			.tag(DeepSeekMeterNames.TAG_STATUS, Integer.toString(status))
			.register(this.meters)
			.increment();
	}

	@Override
	public void onFirstByte(ResponseMetadata metadata) {
		Counter.builder(DeepSeekMeterNames.KEEP_ALIVES)
			.description("Keep-alives DeepSeek sent while it queued requests")
			.tags(this.laneTags)
			.register(this.meters)
			.increment(metadata.keepAlives());
		Timer.builder(DeepSeekMeterNames.SERVER_QUEUE_TIME)
			.description("Time DeepSeek queued requests before their first byte that was not a keep-alive")
			.tags(this.laneTags)
			.register(this.meters)
			.record(metadata.firstByteWait());
		this.observation.highCardinalityKeyValue("deepseek.keepalives", Integer.toString(metadata.keepAlives()));
	}

	@Override
	public void onFirstToken() {
		if (this.firstToken.compareAndSet(false, true)) {
			Timer.builder(DeepSeekMeterNames.TIME_TO_FIRST_TOKEN)
				.description("Time from the start of a streamed call to its first generated token")
				.tags(this.laneTags)
				.register(this.meters)
				.record(elapsedNanos(), TimeUnit.NANOSECONDS);
			this.observation.event(Observation.Event.of("deepseek.first.token", "first token"));
		}
	}

	@Override
	public void onUsage(TokenUsage usage) {
		record("input", usage.input());
		record("output", usage.output());
		record("cache_hit", usage.cacheHit());
		record("cache_miss", usage.cacheMiss());
		record("reasoning", usage.reasoning());
		this.observation.highCardinalityKeyValue("gen_ai.usage.input_tokens", Integer.toString(usage.input()));
		this.observation.highCardinalityKeyValue("gen_ai.usage.output_tokens", Integer.toString(usage.output()));
	}

	private void record(String type, int tokens) {
		DistributionSummary.builder(DeepSeekMeterNames.TOKEN_USAGE)
			.description("Tokens used by each call, by token type")
			.baseUnit("tokens")
			.tags(this.genAiTags)
			.tag(DeepSeekMeterNames.TAG_TOKEN_TYPE, type)
			.register(this.meters)
			.record(tokens);
	}

	@Override
	public void onEnd(@Nullable Throwable error, boolean cancelled) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		String outcome = cancelled ? "cancelled" : (error != null) ? "error" : "success";
		String errorType = (error != null) ? error.getClass().getSimpleName() : "none";
		Timer.builder(DeepSeekMeterNames.OPERATION_DURATION)
			.description("Duration of DeepSeek calls, from their start to their last byte, queueing included")
			.tags(this.genAiTags)
			.tag(DeepSeekMeterNames.TAG_OUTCOME, outcome)
			.tag(DeepSeekMeterNames.TAG_ERROR_TYPE, errorType)
			.register(this.meters)
			.record(elapsedNanos(), TimeUnit.NANOSECONDS);
		this.observation.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_OUTCOME, outcome);
		this.observation.lowCardinalityKeyValue(DeepSeekMeterNames.TAG_ERROR_TYPE, errorType);
		if (error != null) {
			this.observation.error(error);
		}
		this.observation.stop();
	}

	private long elapsedNanos() {
		return this.meters.config().clock().monotonicTime() - this.startNanos;
	}

}
