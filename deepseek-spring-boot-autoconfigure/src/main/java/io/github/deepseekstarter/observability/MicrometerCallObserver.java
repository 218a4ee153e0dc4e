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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The meters and observation of one call; its meters are those of its {@link CallMeters
 * shape}, registered once per shape.
 */
final class MicrometerCallObserver implements CallObserver {

	private final MicrometerDeepSeekObserver settings;

	private final MeterRegistry registry;

	private final CallMeters meters;

	private final CallInfo call;

	private final DeepSeekObservationContext context;

	private final Observation observation;

	private final long startNanos;

	private final AtomicBoolean firstChunk = new AtomicBoolean();

	private final AtomicBoolean firstToken = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	MicrometerCallObserver(MicrometerDeepSeekObserver settings, CallMeters meters, DeepSeekObservationContext context,
			Observation observation) {
		this.settings = settings;
		this.registry = settings.meters();
		this.meters = meters;
		this.call = context.getCall();
		this.context = context;
		this.observation = observation;
		this.startNanos = this.registry.config().clock().monotonicTime();
	}

	@Override
	public void onResponse(int status) {
		this.meters.upstreamResponses(status).increment();
	}

	@Override
	public void onFirstByte(ResponseMetadata metadata) {
		this.meters.keepAlives().increment(metadata.keepAlives());
		this.meters.serverQueueTime().record(metadata.firstByteWait());
		this.context.setKeepAlives(metadata.keepAlives());
	}

	@Override
	public void onResponseDetails(ResponseDetails details) {
		this.context.addDetails(details);
		if (this.call.stream() && this.firstChunk.compareAndSet(false, true)) {
			long elapsed = elapsedNanos();
			this.context.setTimeToFirstChunk(Duration.ofNanos(elapsed));
			response().timeToFirstChunk().record(elapsed, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void onFirstToken() {
		if (this.firstToken.compareAndSet(false, true)) {
			if (this.settings.legacyNames()) {
				this.meters.timeToFirstToken().record(elapsedNanos(), TimeUnit.NANOSECONDS);
			}
			this.observation.event(Observation.Event.of("deepseek.first.token", "first token"));
		}
	}

	@Override
	public void onUsage(TokenUsage usage) {
		this.context.setUsage(usage);
		response().tokens().record(usage);
		ModelPrice price = this.settings.prices().priceOf(this.call.model(), this.call.lane());
		if (price != null) {
			this.meters.cost(price.currency()).increment(price.cost(usage).doubleValue());
		}
		TenantCostBoard board = this.settings.board();
		if (board != null) {
			String userId = this.call.userId();
			board.record((userId != null) ? userId : TenantTags.NONE, usage, price);
		}
	}

	@Override
	public @Nullable ConversationRecorder conversation() {
		return this.context.getConversation();
	}

	@Override
	public void onEnd(@Nullable Throwable error, boolean cancelled) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.context.setCancelled(cancelled);
		this.context.setError(error);
		response()
			.duration(DefaultDeepSeekObservationConvention.outcome(error, cancelled),
					DefaultDeepSeekObservationConvention.errorType(error))
			.record(elapsedNanos(), TimeUnit.NANOSECONDS);
		if (error != null) {
			this.observation.error(error);
		}
		this.observation.stop();
	}

	/** The meters tagged with the model the answer named so far. */
	private CallMeters.ResponseMeters response() {
		return this.meters.response(DefaultDeepSeekObservationConvention.orNone(this.context.getResponseModel()));
	}

	private long elapsedNanos() {
		return this.registry.config().clock().monotonicTime() - this.startNanos;
	}

}
